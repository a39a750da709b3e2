package org.hcp.rectification;

import java.time.Instant;

/**
 * A step of a work order passed its deadline (published once per order and step). {@code escalated} is true when it
 * was overdue before, so the office supervises it (督办) and a formal talk (约谈) was recorded.
 */
public record WorkOrderOverdue(long orderId, String orderNo, String step, String regionCode, String departmentCode,
		Instant deadline, int timesOverdue, boolean escalated, Instant at) {
}
