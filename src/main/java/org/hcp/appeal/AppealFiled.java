package org.hcp.appeal;

import java.time.Instant;

/** An appeal was filed: the order's deadlines are paused and the office of the region has until {@code decideBy}. */
public record AppealFiled(long appealId, long orderId, String orderNo, String regionCode, String departmentCode,
		String staffNo, String filedBy, String filedByRole, Instant filedAt, Instant decideBy) {
}
