package org.hcp.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Personal data at rest: SM4-GCM encryption (a fresh 12-byte nonce per value) and a keyed SM3 hash (HMAC-SM3) so
 * that a mobile or ID number can be looked up without being decrypted. Both keys derive from one master key by
 * HKDF-SM3 ({@link KeyDerivation}).
 */
@Component
public class PersonalData {

	/** Format 1: keys derived by labelled HMAC-SM3 (pre-release, no longer read). Format 2: keys derived by HKDF-SM3. */
	private static final byte FORMAT_LEGACY = 1;
	private static final byte FORMAT_V2 = 2;
	private static final int NONCE = 12;
	private static final int TAG_BITS = 128;

	private final KeyDerivation keys;
	private final KeyParameter encryptionKey;
	private final byte[] lookupKey;
	private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(SecureRandom::new);
	private final ThreadLocal<GCMModeCipher> ciphers;
	private final ThreadLocal<HMac> macs;

	public PersonalData(PrivacyProperties properties) {
		this.keys = new KeyDerivation(masterKey(properties));
		this.encryptionKey = new KeyParameter(keys.key("hcp/encryption", 16));
		this.lookupKey = keys.key("hcp/lookup", 32);
		// the key schedule is set up once per thread; each operation then passes only its nonce (BC "key reuse")
		this.ciphers = ThreadLocal.withInitial(() -> {
			GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
			byte[] nonce = new byte[NONCE];
			new SecureRandom().nextBytes(nonce);
			cipher.init(true, new AEADParameters(encryptionKey, TAG_BITS, nonce));
			return cipher;
		});
		this.macs = ThreadLocal.withInitial(() -> {
			HMac mac = new HMac(new SM3Digest());
			mac.init(new KeyParameter(lookupKey));
			return mac;
		});
	}

	/** Encrypts; null stays null. */
	public byte[] encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		byte[] input = plain.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[1 + NONCE + input.length + TAG_BITS / 8];
		out[0] = FORMAT_V2;
		byte[] nonce = new byte[NONCE];
		random.get().nextBytes(nonce);
		System.arraycopy(nonce, 0, out, 1, NONCE);
		GCMModeCipher cipher = ciphers.get();
		cipher.init(true, new AEADParameters(null, TAG_BITS, nonce));
		int n = cipher.processBytes(input, 0, input.length, out, 1 + NONCE);
		try {
			cipher.doFinal(out, 1 + NONCE + n);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalStateException("SM4-GCM encryption failed", e);
		}
		return out;
	}

	/** Decrypts; a value altered at rest fails the GCM tag check. */
	public String decrypt(byte[] sealed) {
		if (sealed == null) {
			return null;
		}
		if (sealed.length >= 1 && sealed[0] == FORMAT_LEGACY) {
			throw new IllegalStateException("A value encrypted under the pre-release key derivation: this database must be "
					+ "re-created (see docs/adr/0007)");
		}
		if (sealed.length < 1 + NONCE + TAG_BITS / 8 || sealed[0] != FORMAT_V2) {
			throw new IllegalStateException("Not an encrypted value of a known format");
		}
		GCMModeCipher cipher = ciphers.get();
		cipher.init(false, new AEADParameters(null, TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + NONCE)));
		byte[] out = new byte[cipher.getOutputSize(sealed.length - 1 - NONCE)];
		int n = cipher.processBytes(sealed, 1 + NONCE, sealed.length - 1 - NONCE, out, 0);
		try {
			n += cipher.doFinal(out, n);
		}
		catch (InvalidCipherTextException e) {
			throw new IllegalStateException("Encrypted value was altered or the key is wrong", e);
		}
		return new String(out, 0, n, StandardCharsets.UTF_8);
	}

	/** A keyed hash for equality look-ups; the kind keeps a mobile and an ID number with the same digits apart. */
	public byte[] lookupHash(LookupKind kind, String value) {
		if (value == null) {
			return null;
		}
		HMac mac = macs.get();
		byte[] input = (kind.name() + ":" + value.trim().toUpperCase()).getBytes(StandardCharsets.UTF_8);
		mac.update(input, 0, input.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return out;
	}

	/** A 32-byte key for another purpose (e.g. signing binding tokens), derived from the master key and the purpose. */
	public byte[] derivedKey(String purpose) {
		return keys.key("hcp/derived/" + purpose, 32);
	}

	/** A one-way fingerprint of the derived keys, stored once, that tells whether a database was written with them. */
	byte[] keyCheck() {
		return Sm3.hmac(derivedKey("hcp/key-check"), "hcp key check".getBytes(StandardCharsets.UTF_8));
	}

	/** The kinds of personal identifier that can be looked up by hash. */
	public enum LookupKind {
		MOBILE, ID_NUMBER
	}

	private static byte[] masterKey(PrivacyProperties properties) {
		String encoded = properties.key();
		if (!StringUtils.hasText(encoded) && StringUtils.hasText(properties.keyFile())) {
			encoded = readOrCreate(Path.of(properties.keyFile()), properties.generateKey());
		}
		if (!StringUtils.hasText(encoded)) {
			throw new PrivacyKeyMissing();
		}
		byte[] key = Base64.getDecoder().decode(encoded.trim());
		if (key.length < 32) {
			throw new IllegalStateException("The personal-data key must be at least 32 bytes (base64-encoded)");
		}
		return key;
	}

	private static String readOrCreate(Path file, boolean generate) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file);
			}
			if (!generate) {
				return null;
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.createDirectories(file.toAbsolutePath().getParent());
			String encoded = Base64.getEncoder().encodeToString(key);
			Files.writeString(file, encoded);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ignored) {
				// not a POSIX file system: the directory's permissions apply
			}
			return encoded;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or create the personal-data key file " + file, e);
		}
	}
}
