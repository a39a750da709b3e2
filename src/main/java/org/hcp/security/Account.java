package org.hcp.security;

import java.time.Instant;
import java.util.Set;

import org.hcp.shared.RegionCode;

/**
 * A stored account, with what signing in needs (password hash, lock, stamp); never leaves this module. Personal
 * data only masked; the name also sealed, decrypted only for the person's own session.
 */
record Account(long id, String login, byte[] sealedName, String maskedName, String maskedMobile, Set<Role> roles,
		String regionCode,
		String departmentCode, String staffNo, String passwordHash, boolean enabled, int failedAttempts,
		Instant lockedUntil, int stamp, Instant createdAt, Instant disabledAt) {

	Caller caller() {
		return Caller.person(id, login, roles, regionCode == null ? null : new RegionCode(regionCode), departmentCode,
				staffNo);
	}

	AccountView view() {
		return new AccountView(id, login, maskedName, maskedMobile, roles, regionCode,
				departmentCode, staffNo, enabled, lockedUntil, createdAt, disabledAt);
	}

	@Override
	public String toString() {
		return "Account[" + id + " " + login + "]";
	}
}
