package org.hcp.exchange;

/** How a peer signs the envelope ({@code txnBodyCom.sign}), chosen per peer. */
public enum SignMode {
	/**
	 * As vendor systems do: SM2 encryption of {@code time + appMark + secret} for the receiver's public key; the
	 * receiver decrypts and compares. It proves the sender knows the secret, not that the records are unchanged.
	 */
	SM2_ENCRYPT,
	/**
	 * A proper SM2 signature (GM/T 0003.2, SM3) with the sender's private key over
	 * {@code time + appMark + SM3(all record ciphertexts in list order)}: it binds the records.
	 */
	SM2_SIGN
}
