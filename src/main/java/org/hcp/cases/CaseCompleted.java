package org.hcp.cases;

import java.time.Instant;

/** A case reached 办结: rating invitations, reminders and defaults start from here. */
public record CaseCompleted(long caseId, String caseNo, Instant completedAt) {
}
