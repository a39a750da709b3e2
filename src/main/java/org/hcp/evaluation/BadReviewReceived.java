package org.hcp.evaluation;

import java.time.Instant;

/** A rating of 1 or 2 stars was stored: a work order starts here (domain §7). */
public record BadReviewReceived(long evaluationId, long caseId, String caseNo, int serviceNo, String departmentCode,
		String staffNo, Instant assessedAt) {
}
