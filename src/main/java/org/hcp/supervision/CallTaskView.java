package org.hcp.supervision;

import java.time.Instant;
import java.util.List;

/**
 * A revisit call task as lists and the call screen show it: the case, the rater's name and number masked (the full
 * number only through the audited reveal), who holds it, and its attempts.
 */
record CallTaskView(long id, long sampleId, String quarter, String caseNo, String regionCode, String departmentCode,
		String itemCode, String pick, String applicantName, String mobile, Long assigneeId, String assigneeName,
		CallTask.State state, CallOutcome outcome, int attemptCount, Instant createdAt, Instant doneAt,
		List<AttemptView> attempts) {

	/** One call attempt. */
	record AttemptView(int number, CallResult result, String comment, String calledBy, Instant at) {
	}

	public boolean isOpen() {
		return state == CallTask.State.OPEN;
	}
}
