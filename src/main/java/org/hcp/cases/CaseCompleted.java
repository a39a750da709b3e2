package org.hcp.cases;

import java.time.Instant;

/**
 * A case this platform follows up reached 办结: rating invitations, reminders and defaults start from here. Only
 * completions of cases reported by business systems (our API) and demo data are announced: a lower platform that
 * pushes its cases through the exchange invites, reminds and defaults them itself (ADR 0006), so nothing would
 * listen for them — and each announcement costs a publication row written and deleted (ADR 0014).
 */
public record CaseCompleted(long caseId, String caseNo, Instant completedAt, NewCase.Source source) {

	/** Whether the completion of a case from this source is announced (see above). */
	static boolean announced(NewCase.Source source) {
		return source != NewCase.Source.EXCHANGE;
	}
}
