package org.hcp.supervision;

/** How a revisit call task ended: the answer of the rater, or that they could not be reached. */
enum CallOutcome {
	/** 满意 */
	SATISFIED,
	/** 不满意 */
	NOT_SATISFIED,
	/** 无法联系: unanswered after the configured number of attempts (3) */
	UNREACHABLE
}
