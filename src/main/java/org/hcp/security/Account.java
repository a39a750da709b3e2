package org.hcp.security;

import java.time.Instant;
import java.util.Set;

import org.hcp.privacy.Masks;
import org.hcp.shared.RegionCode;

/** A stored account, with what signing in needs (password hash, lock, stamp); never leaves this module. */
record Account(long id, String login, String displayName, String mobile, Set<Role> roles, String regionCode,
		String departmentCode, String staffNo, String passwordHash, boolean enabled, int failedAttempts,
		Instant lockedUntil, int stamp, Instant createdAt, Instant disabledAt) {

	Caller caller() {
		return Caller.person(id, login, roles, regionCode == null ? null : new RegionCode(regionCode), departmentCode,
				staffNo);
	}

	AccountView view() {
		return new AccountView(id, login, displayName, mobile == null ? null : Masks.mobile(mobile), roles, regionCode,
				departmentCode, staffNo, enabled, lockedUntil, createdAt, disabledAt);
	}

	@Override
	public String toString() {
		return "Account[" + id + " " + login + "]";
	}
}
