package org.hcp.evaluation;

import java.time.Instant;

/**
 * For bulk loaders only (generated data sets): the content hash of a rating row written straight into
 * evl_evaluation, computed exactly as the intake computes it, so that verification and sealing treat such rows like
 * any other. Covers rows without a rater, group, batch, chain or submitter (those columns null).
 */
public final class BulkRatingHash {

	private BulkRatingHash() {
	}

	/** Instants must already be at microsecond precision, as stored. */
	public static byte[] of(long caseId, String caseNo, int serviceNo, int slot, Channel channel, int level,
			String indicators, Integer indicatorVersion, String comment, Instant assessedAt, int assessNumber,
			RatingScope scope, String regionCode, String departmentCode, String itemCode, String staffNo,
			String windowCode, Source source, Instant receivedAt) {
		return ContentHash.of(new EvaluationRecord(caseId, caseNo, serviceNo, slot, channel, level, indicators,
				indicatorVersion, comment, assessedAt, assessNumber, scope, null, null, null, regionCode, departmentCode,
				itemCode, staffNo, windowCode, null, null, null, null, null, source, receivedAt, null, null, null));
	}
}
