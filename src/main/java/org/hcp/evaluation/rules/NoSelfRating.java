package org.hcp.evaluation.rules;

import java.util.Arrays;

import org.hcp.catalog.StaffView;
import org.hcp.shared.HcpException;

/** 不得自评 (domain §6.5): a staff member must not rate their own service — the rater's mobile or ID equals the staff member's. */
public final class NoSelfRating {

	private NoSelfRating() {
	}

	public static boolean isSelfRating(StaffView staff, byte[] raterMobileHash, byte[] raterCertHash) {
		if (staff == null) {
			return false;
		}
		return same(staff.mobileHash(), raterMobileHash) || same(staff.idNumberHash(), raterCertHash);
	}

	/** Refuses a rating by the staff member who gave the service (422 SELF_RATING). */
	public static void check(StaffView staff, byte[] raterMobileHash, byte[] raterCertHash) {
		if (isSelfRating(staff, raterMobileHash, raterCertHash)) {
			throw HcpException.invalid("rater", "SELF_RATING", "工作人员不得评价本人办理的服务",
					"Staff may not rate a service they provided themselves");
		}
	}

	private static boolean same(byte[] a, byte[] b) {
		return a != null && b != null && Arrays.equals(a, b);
	}
}
