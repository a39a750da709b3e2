package org.hcp.evaluation.rules;

import java.util.Arrays;

/**
 * 扫码评价须由申请人本人进行 (domain §6.5, [ours]): a printed QR code is public and the case number is on the receipt,
 * so when the case knows the applicant's mobile or ID number, a QR rating must give a matching one. Compared as keyed
 * hashes; the plain values never meet.
 */
public final class QrRatingFromTheApplicant {

	private QrRatingFromTheApplicant() {
	}

	public static boolean allows(byte[] applicantMobileHash, byte[] applicantCertHash, byte[] raterMobileHash,
			byte[] raterCertHash) {
		if (applicantMobileHash == null && applicantCertHash == null) {
			return true;
		}
		return same(applicantMobileHash, raterMobileHash) || same(applicantCertHash, raterCertHash);
	}

	private static boolean same(byte[] a, byte[] b) {
		return a != null && b != null && Arrays.equals(a, b);
	}
}
