package org.hcp.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A work order with everything its page shows: who holds it, the current step's deadline and the working days left,
 * each fact on its own (verified, rectified with evidence, replied, rater's answer, revisit outcome), extensions,
 * evidence and the timeline (the audit, in order). The rater's mobile is masked; revealing it is a separate, audited
 * call. {@code version} goes back with the next step (a stale one gets 409). {@code remote}: the lower platform that
 * handles it (a remote order, read-only here); null for an order handled here.
 */
public record WorkOrderDetail(WorkOrderView order, int version, String holder, String deadlineStep,
		Integer remainingWorkingDays, int round, String itemCode, String institutionCode, String windowCode,
		Integer level, String summary, String raterMobile, String profileCode, Instant verifiedAt,
		RectifyMode rectifyMode, LocalDate plannedBy, Instant rectifiedAt, boolean unrectifiable, Instant repliedAt,
		RaterAnswer raterAnswer, Instant raterAnsweredAt, RevisitOutcome revisitOutcome, Instant revisitedAt,
		Instant closedAt, int timesOverdue, boolean escalated, int callAttempts, ExtensionView pendingExtension,
		List<ExtensionView> extensions, List<EvidenceView> evidence, List<TimelineEntry> timeline,
		RemoteHandling remote) {
}
