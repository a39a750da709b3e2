package org.hcp.appeal;

import java.time.Instant;

/** An appeal was not decided by its deadline (published once per appeal). */
public record AppealOverdue(long appealId, long orderId, String orderNo, String regionCode, Instant decideBy,
		Instant flaggedAt) {
}
