package org.hcp.rectification;

import java.time.Instant;

/**
 * A work order took a step: every transition publishes one, with the action's name (e.g. {@code dispatch},
 * {@code approve-extension}), so that notices to people and the upward push need no other source. {@code remotePeer}:
 * the lower platform that took the step on its own order (a remote order, ADR 0033; nobody here has to act); null
 * for a step taken here.
 */
public record WorkOrderAdvanced(long orderId, String orderNo, String action, WorkOrderState from, WorkOrderState to,
		String regionCode, String departmentCode, String staffNo, Instant at, String remotePeer) {

	/** A step taken here. */
	public WorkOrderAdvanced(long orderId, String orderNo, String action, WorkOrderState from, WorkOrderState to,
			String regionCode, String departmentCode, String staffNo, Instant at) {
		this(orderId, orderNo, action, from, to, regionCode, departmentCode, staffNo, at, null);
	}
}
