package org.hcp.rectification;

import java.time.Instant;
import java.util.List;

/**
 * A work order as other modules and screens see it. {@code receivedAt} is when the responsible department received it
 * (dispatch), from which an appeal's 3 working days count; {@code paused} is true while an appeal is pending.
 */
public record WorkOrderView(long id, String orderNo, WorkOrderSource source, WorkOrderState state, String regionCode,
		String departmentCode, String staffNo, List<Long> evaluationIds, List<String> caseNos, Instant openedAt,
		Instant receivedAt, Instant deadline, boolean overdue, boolean paused) {
}
