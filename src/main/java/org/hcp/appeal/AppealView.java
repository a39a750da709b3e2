package org.hcp.appeal;

import java.time.Instant;
import java.util.List;

/**
 * An appeal as people and other modules see it. {@code overdue}: still pending when its decision deadline has passed (flagged by the job, or now).
 * In lists, {@code evidenceText}, {@code evidence} and {@code audit} are left out (null).
 */
public record AppealView(long id, long orderId, String orderNo, List<Long> evaluationIds, List<String> caseNos,
		String regionCode, String departmentCode, String staffNo, AppealState state, String reason,
		String evidenceText, String filedBy, String filedByRole, Instant orderReceivedAt, Instant filedAt,
		Instant decideBy, boolean overdue, Instant overdueFlaggedAt, Decision decision, List<Evidence> evidence,
		List<Step> audit) {

	/** The decision, once made; {@code late} when it came after the deadline. */
	public record Decision(long id, AppealOutcome outcome, String reason, String decidedBy, String decidedByRole,
			Instant decidedAt, boolean late) {
	}

	/** An attached file (its content is fetched on its own). */
	public record Evidence(long id, String fileName, String contentType, int sizeBytes) {
	}

	/** One audited step: who, in which role, when, what, and why. */
	public record Step(String action, String actor, String role, Instant at, String detail) {
	}
}
