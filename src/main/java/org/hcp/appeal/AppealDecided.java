package org.hcp.appeal;

import java.time.Instant;
import java.util.List;

/**
 * The office decided an appeal — the facts an upward report of the decision needs (domain §8: the decision is filed
 * with the upper level): which order, ratings and cases, where, the outcome and its reason, who decided and when, and
 * whether the decision came after its deadline.
 */
public record AppealDecided(long appealId, long decisionId, long orderId, String orderNo, List<Long> evaluationIds,
		List<String> caseNos, String regionCode, String departmentCode, String staffNo, AppealOutcome outcome,
		String reason, String filedBy, Instant filedAt, String decidedBy, String decidedByRole, Instant decidedAt,
		boolean late) {
}
