package org.hcp.privacy;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** SM3 (GM/T 0004) digests and HMAC-SM3, the one place the project calls them. */
public final class Sm3 {

	private Sm3() {
	}

	public static byte[] digest(byte[] input) {
		SM3Digest digest = new SM3Digest();
		digest.update(input, 0, input.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return out;
	}

	public static byte[] hmac(byte[] key, byte[] input) {
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(key));
		mac.update(input, 0, input.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return out;
	}
}
