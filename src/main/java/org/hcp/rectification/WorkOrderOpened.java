package org.hcp.rectification;

import java.time.Instant;

/** A work order was opened (one per responsible department of a bad rating, or one per finding). */
public record WorkOrderOpened(long orderId, String orderNo, WorkOrderSource source, String regionCode,
		String departmentCode, String staffNo, Instant openedAt) {
}
