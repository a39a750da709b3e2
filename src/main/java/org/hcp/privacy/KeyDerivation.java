package org.hcp.privacy;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * HKDF (RFC 5869) with SM3: the master key is extracted once into a pseudo-random key, and every key the platform
 * needs is expanded from it under its own label. Replaces the earlier labelled HMAC-SM3 derivation (ADR 0007).
 */
final class KeyDerivation {

	/** Fixed salt: the master key is already random; the salt only separates this platform's use of it. */
	private static final byte[] SALT = "hcp-platform/hkdf-sm3".getBytes(StandardCharsets.UTF_8);

	private final byte[] prk;

	KeyDerivation(byte[] master) {
		this.prk = new HKDFBytesGenerator(new SM3Digest()).extractPRK(SALT, master);
	}

	/** {@code length} bytes for the purpose named by {@code label}; same master and label, same key. */
	byte[] key(String label, int length) {
		HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SM3Digest());
		hkdf.init(HKDFParameters.skipExtractParameters(prk, label.getBytes(StandardCharsets.UTF_8)));
		byte[] out = new byte[length];
		hkdf.generateBytes(out, 0, length);
		return out;
	}
}
