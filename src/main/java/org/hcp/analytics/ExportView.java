package org.hcp.analytics;

import java.time.Instant;
import java.util.UUID;

/**
 * A background export as its requester sees it: QUEUED, RUNNING (with {@code progress} 0–100), DONE (the file at
 * {@code file}) or FAILED (with {@code error}).
 */
public record ExportView(UUID id, String kind, String regionCode, String period, String status, int progress,
		String error, Instant createdAt, Instant finishedAt, String file) {

	public boolean isFinished() {
		return status.equals("DONE") || status.equals("FAILED");
	}
}
