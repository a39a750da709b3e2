package org.hcp.exchange;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.DecoderException;
import org.bouncycastle.util.encoders.Hex;

/**
 * SM2 (GM/T 0003) on the curve sm2p256v1, as the interface standard uses it: public keys as the hex of the
 * uncompressed point ({@code 04}‖X‖Y, 130 hex digits), private keys as 64 hex digits, ciphertexts as hex in the order
 * C1C3C2 with C1's {@code 04} (accepted without it, as some vendor libraries send it), signatures with SM3 and the
 * default user id {@code 1234567812345678}, DER-encoded, in hex. Hex is produced in lower case and read in either.
 */
public final class Sm2 {

	/** GM/T 0009's default signer id; both sides must use the same. */
	public static final byte[] USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

	private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
	private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
			CURVE.getN(), CURVE.getH());
	private static final SecureRandom RANDOM = new SecureRandom();

	private Sm2() {
	}

	/** A key pair: the private key as 64 hex digits, the public key as 130 (uncompressed point). */
	public record KeyPair(String privateKey, String publicKey) {

		@Override
		public String toString() {
			return "Sm2.KeyPair[publicKey=" + publicKey + ", privateKey=(hidden)]";
		}
	}

	/** Thrown for a malformed key, ciphertext or signature: the caller turns it into a refusal of that record. */
	public static final class Sm2Exception extends RuntimeException {

		Sm2Exception(String message, Throwable cause) {
			super(message, cause);
		}
	}

	public static KeyPair generate() {
		ECKeyPairGenerator generator = new ECKeyPairGenerator();
		generator.init(new ECKeyGenerationParameters(DOMAIN, RANDOM));
		AsymmetricCipherKeyPair pair = generator.generateKeyPair();
		BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
		return new KeyPair(privateHex(d), Hex.toHexString(((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false)));
	}

	/** The public key that belongs to a private key. */
	public static String publicKeyOf(String privateKey) {
		ECPoint q = DOMAIN.getG().multiply(privateParameters(privateKey).getD()).normalize();
		return Hex.toHexString(q.getEncoded(false));
	}

	/** Whether the text is a valid public key (a point on the curve). */
	public static boolean isPublicKey(String publicKey) {
		try {
			publicParameters(publicKey);
			return true;
		}
		catch (Sm2Exception e) {
			return false;
		}
	}

	public static String encrypt(String publicKey, String plaintext) {
		return encrypt(publicKey, plaintext, RANDOM);
	}

	/** With a given source of the random k: only the interface standard's reproducible worked example needs this. */
	public static String encrypt(String publicKey, String plaintext, SecureRandom random) {
		SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
		engine.init(true, new ParametersWithRandom(publicParameters(publicKey), random));
		byte[] in = plaintext.getBytes(StandardCharsets.UTF_8);
		try {
			return Hex.toHexString(engine.processBlock(in, 0, in.length));
		}
		catch (InvalidCipherTextException e) {
			throw new Sm2Exception("SM2 encryption failed", e);
		}
	}

	public static String decrypt(String privateKey, String ciphertext) {
		byte[] in = hex(ciphertext, "ciphertext");
		if (in.length > 0 && in[0] != 0x04 && in.length > 96) {
			byte[] with = new byte[in.length + 1];
			with[0] = 0x04;
			System.arraycopy(in, 0, with, 1, in.length);
			in = with;
		}
		SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
		engine.init(false, privateParameters(privateKey));
		try {
			return new String(engine.processBlock(in, 0, in.length), StandardCharsets.UTF_8);
		}
		catch (InvalidCipherTextException | RuntimeException e) {
			throw new Sm2Exception("SM2 decryption failed (wrong key or damaged ciphertext)", e);
		}
	}

	public static String sign(String privateKey, String data) {
		SM2Signer signer = new SM2Signer(new SM3Digest());
		signer.init(true, new ParametersWithID(new ParametersWithRandom(privateParameters(privateKey), RANDOM), USER_ID));
		byte[] in = data.getBytes(StandardCharsets.UTF_8);
		signer.update(in, 0, in.length);
		try {
			return Hex.toHexString(signer.generateSignature());
		}
		catch (CryptoException e) {
			throw new Sm2Exception("SM2 signing failed", e);
		}
	}

	public static boolean verify(String publicKey, String data, String signature) {
		byte[] sig;
		try {
			sig = hex(signature, "signature");
		}
		catch (Sm2Exception e) {
			return false;
		}
		SM2Signer signer = new SM2Signer(new SM3Digest());
		signer.init(false, new ParametersWithID(publicParameters(publicKey), USER_ID));
		byte[] in = data.getBytes(StandardCharsets.UTF_8);
		signer.update(in, 0, in.length);
		try {
			return signer.verifySignature(sig);
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	/** SM3 of the UTF-8 text, as 64 lower-case hex digits. */
	public static String sm3Hex(String text) {
		SM3Digest digest = new SM3Digest();
		byte[] in = text.getBytes(StandardCharsets.UTF_8);
		digest.update(in, 0, in.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return Hex.toHexString(out);
	}

	private static ECPublicKeyParameters publicParameters(String publicKey) {
		byte[] encoded = hex(publicKey, "public key");
		try {
			ECPoint q = CURVE.getCurve().decodePoint(encoded);
			if (!q.isValid()) {
				throw new IllegalArgumentException("not on the curve");
			}
			return new ECPublicKeyParameters(q, DOMAIN);
		}
		catch (RuntimeException e) {
			throw new Sm2Exception("not an SM2 public key", e);
		}
	}

	private static ECPrivateKeyParameters privateParameters(String privateKey) {
		byte[] d = hex(privateKey, "private key");
		BigInteger value = new BigInteger(1, d);
		if (d.length != 32 || value.signum() == 0 || value.compareTo(DOMAIN.getN()) >= 0) {
			throw new Sm2Exception("not an SM2 private key", null);
		}
		return new ECPrivateKeyParameters(value, DOMAIN);
	}

	private static String privateHex(BigInteger d) {
		String hex = d.toString(16);
		return "0".repeat(64 - hex.length()) + hex;
	}

	private static byte[] hex(String text, String what) {
		if (text == null || text.isEmpty() || (text.length() & 1) != 0) {
			throw new Sm2Exception("the " + what + " is not hex", null);
		}
		try {
			return Hex.decode(text);
		}
		catch (DecoderException e) {
			throw new Sm2Exception("the " + what + " is not hex", e);
		}
	}
}
