package org.hcp.rectification;

import java.time.Instant;

/** An extension request 延期申请 and, once decided, the office's decision. */
public record ExtensionView(long id, Instant requestedAt, String requestedBy, String reason, Instant currentDeadline,
		Instant newDeadline, String status, Instant decidedAt, String decidedBy, String decisionReason) {
}
