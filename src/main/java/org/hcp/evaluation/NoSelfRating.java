package org.hcp.evaluation;

import java.util.Arrays;

import org.hcp.catalog.StaffView;

/** 不得自评: a staff member must not rate their own service — the rater's mobile or ID equals the staff member's. */
final class NoSelfRating {

	private NoSelfRating() {
	}

	static boolean isSelfRating(StaffView staff, byte[] raterMobileHash, byte[] raterCertHash) {
		if (staff == null) {
			return false;
		}
		return same(staff.mobileHash(), raterMobileHash) || same(staff.idNumberHash(), raterCertHash);
	}

	private static boolean same(byte[] a, byte[] b) {
		return a != null && b != null && Arrays.equals(a, b);
	}
}
