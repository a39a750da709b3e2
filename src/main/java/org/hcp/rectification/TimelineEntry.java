package org.hcp.rectification;

import java.time.Instant;

/**
 * One audited step of a work order 操作留痕: when, who (login or system, their user id or key id, role), what, from
 * which state to which, why, and the facts it recorded.
 */
public record TimelineEntry(long id, Instant at, String actor, Long userId, Long keyId, String role, String action,
		WorkOrderState from, WorkOrderState to, String reason, String details) {
}
