package org.hcp.cases;

import java.time.Instant;

/**
 * A case reached 办结: rating invitations, reminders and defaults start from here — for cases reported by business
 * systems; a lower platform that pushes its cases through the exchange runs those for its own cases.
 */
public record CaseCompleted(long caseId, String caseNo, Instant completedAt, NewCase.Source source) {
}
