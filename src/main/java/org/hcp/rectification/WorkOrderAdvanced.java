package org.hcp.rectification;

import java.time.Instant;

/**
 * A work order took a step: every transition publishes one, with the action's name (e.g. {@code dispatch},
 * {@code approve-extension}), so that notices to people and the upward push need no other source.
 */
public record WorkOrderAdvanced(long orderId, String orderNo, String action, WorkOrderState from, WorkOrderState to,
		String regionCode, String departmentCode, String staffNo, Instant at) {
}
