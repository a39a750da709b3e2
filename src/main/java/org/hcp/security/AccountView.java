package org.hcp.security;

import java.time.Instant;
import java.util.Set;

/**
 * A person's account as it may be shown: name and mobile only masked (张*, 138****5678), never the password hash.
 *
 * @param lockedUntil set while wrong passwords keep the account locked
 */
public record AccountView(long id, String login, String maskedName, String maskedMobile, Set<Role> roles,
		String regionCode, String departmentCode, String staffNo, boolean enabled, Instant lockedUntil,
		Instant createdAt, Instant disabledAt) {

	/** The account as a {@link Caller}, e.g. to ask what its {@link RegionScope} covers. */
	public Caller asCaller() {
		return Caller.person(id, login, roles, regionCode == null ? null : new org.hcp.shared.RegionCode(regionCode),
				departmentCode, staffNo);
	}
}
