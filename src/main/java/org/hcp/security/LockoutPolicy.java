package org.hcp.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Wrong passwords lock an account (issue 6 §1): {@code hcp.security.lockout.max-failures} (5) in a row lock it for
 * {@code hcp.security.lockout.lock-for} (15 minutes), for form login and HTTP Basic alike. While locked every
 * sign-in is refused, the right password too; when the lock ends the count starts again from zero.
 */
@Component
class LockoutPolicy {

	private final int maxFailures;
	private final Duration lockFor;

	LockoutPolicy(SecurityProperties properties) {
		if (properties.lockout().maxFailures() < 1) {
			throw new IllegalStateException("hcp.security.lockout.max-failures must be at least 1");
		}
		this.maxFailures = properties.lockout().maxFailures();
		this.lockFor = properties.lockout().lockFor();
	}

	boolean isLocked(Instant lockedUntil, Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}

	int maxFailures() {
		return maxFailures;
	}

	/** When a lock that starts now ends. */
	Instant lockEnds(Instant now) {
		return now.plus(lockFor);
	}

	Duration lockFor() {
		return lockFor;
	}
}
