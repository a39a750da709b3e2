package org.hcp.security;

import java.util.List;

/**
 * What an administrator gives to create a person's account (REST body, one CSV line, the demo accounts).
 *
 * @param roles one or more of HOTLINE, DEPARTMENT, OFFICE, STAFF, ASSESSOR, ADMIN
 * @param regionCode 6 or 12 digits; required unless the account is an administrator's
 * @param departmentCode the department's unified social credit code; required for DEPARTMENT
 * @param staffNo the staff member's number in the catalog; required for STAFF
 */
public record NewAccount(String login, String displayName, String mobile, List<String> roles, String regionCode,
		String departmentCode, String staffNo, String password) {
}
