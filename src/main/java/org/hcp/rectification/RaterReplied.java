package org.hcp.rectification;

import java.time.Instant;
import java.util.List;

/**
 * The department answered the rater (反馈): the rater is told by SMS, with the unguessable link to the status page
 * where they are asked again for satisfaction. {@code deliveryKey} is unique per reply, for idempotent sending.
 */
public record RaterReplied(long orderId, String orderNo, List<Long> caseIds, String deliveryKey, String text,
		String statusLink, Instant at) {
}
