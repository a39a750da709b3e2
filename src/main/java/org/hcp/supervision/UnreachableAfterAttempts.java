package org.hcp.supervision;

/**
 * A rater counts as unreachable (不可联系) only after this many calls went unanswered (domain §7, “unreachable after
 * three attempts”); before that the call task stays open. The number is {@code hcp.supervision.unreachable-after}.
 */
record UnreachableAfterAttempts(int attempts) {

	boolean reached(int unanswered) {
		return unanswered >= attempts;
	}
}
