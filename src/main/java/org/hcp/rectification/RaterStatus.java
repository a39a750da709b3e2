package org.hcp.rectification;

import java.time.Instant;
import java.util.List;

/**
 * What the rater sees on the status page reached from the reply SMS (no login, an unguessable link): the order's
 * number and stage, the department's reply, and whether they answered — nothing personal.
 */
public record RaterStatus(String orderNo, WorkOrderState state, String replyText, Instant repliedAt,
		RaterAnswer answer, Instant answeredAt, boolean current, List<RaterAnswer> choices) {
}
