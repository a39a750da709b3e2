package org.hcp.rectification;

import java.time.Instant;

/** An evidence file of an order (its content is fetched on its own): what it is, and which step used it. */
public record EvidenceView(long id, String fileName, String contentType, int sizeBytes, String usedBy,
		Instant uploadedAt, String uploadedBy) {
}
