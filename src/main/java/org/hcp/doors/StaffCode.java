package org.hcp.doors;

import java.time.Instant;

/**
 * A printed staff code 一码一账号 as the rating page and the office see it: whom it rates, where, and whether it still
 * opens a rating page. The staff member appears by number only — never by mobile or full name.
 *
 * @param active the code is the staff member's current one and they still serve at that window
 * @param replaced a newer code was issued for the staff member (the card must be reprinted)
 */
public record StaffCode(String code, String staffNo, String windowCode, String windowName, String institutionCode,
		String institutionName, Instant issuedAt, boolean active, boolean replaced) {

	/** The path a scan opens. */
	public String path() {
		return "/q/" + code;
	}
}
