package org.hcp.evaluation;

import java.time.Instant;

/** A rating was stored (one per case it applies to). */
public record RatingRecorded(long evaluationId, long caseId, String caseNo, int serviceNo, int level, Channel channel,
		boolean isDefault, Instant assessedAt) {
}
