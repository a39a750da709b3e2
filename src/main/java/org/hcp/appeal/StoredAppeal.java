package org.hcp.appeal;

import java.time.Instant;
import java.util.List;

/** One row of apl_appeal. */
record StoredAppeal(long id, long orderId, String orderNo, List<Long> evaluationIds, List<String> caseNos,
		String regionCode, String departmentCode, String staffNo, String reason, String evidenceText, Long filedByUser,
		Long filedByKey, String filedBy, String filedByRole, Instant orderReceivedAt, Instant filedAt,
		Instant decideBy, AppealState state, Instant overdueFlaggedAt, Instant decidedAt) {

	boolean pending() {
		return state == AppealState.PENDING;
	}

	/** Pending past its decision deadline: flagged by the job, or the deadline has passed (not flagged yet). */
	boolean overdue(Instant now) {
		return pending() && (overdueFlaggedAt != null || DecisionDeadline.overdue(decideBy, now));
	}
}
