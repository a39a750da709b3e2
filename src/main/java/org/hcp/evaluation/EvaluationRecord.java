package org.hcp.evaluation;

import java.time.Instant;
import java.util.UUID;

import org.hcp.shared.Level;

/**
 * One row of evl_evaluation, exactly as stored and as hashed. Instants are at microsecond precision. Whether it is a
 * default rating is its {@link Source}; the is_default column is written from it.
 *
 * @param submittedBy the API key that submitted it (for token ratings: that issued the token); null when none
 * @param submittedByUser the signed-in person who entered it for the rater (12345 operator, paper form); else null
 * @param reference the 12345 call reference or the paper form number; else null
 * @param relayedFrom the app id of the registered lower platform that relayed it (it handles the order); else null
 */
record EvaluationRecord(long caseId, String caseNo, int serviceNo, int slot, Channel channel, int level,
		String indicators, Integer indicatorVersion, String comment, Instant assessedAt, int assessNumber,
		RatingScope scope, UUID groupId, String batchNo, String chainNo, String regionCode, String departmentCode,
		String itemCode, String staffNo, String windowCode, byte[] raterNameEnc, byte[] raterCertEnc,
		byte[] raterCertHash, byte[] raterMobileEnc, byte[] raterMobileHash, Source source, Instant receivedAt,
		Long submittedBy, Long submittedByUser, String reference, String relayedFrom) {

	/** A row that no lower platform relayed (every door but the national exchange). */
	EvaluationRecord(long caseId, String caseNo, int serviceNo, int slot, Channel channel, int level,
			String indicators, Integer indicatorVersion, String comment, Instant assessedAt, int assessNumber,
			RatingScope scope, UUID groupId, String batchNo, String chainNo, String regionCode, String departmentCode,
			String itemCode, String staffNo, String windowCode, byte[] raterNameEnc, byte[] raterCertEnc,
			byte[] raterCertHash, byte[] raterMobileEnc, byte[] raterMobileHash, Source source, Instant receivedAt,
			Long submittedBy, Long submittedByUser, String reference) {
		this(caseId, caseNo, serviceNo, slot, channel, level, indicators, indicatorVersion, comment, assessedAt,
				assessNumber, scope, groupId, batchNo, chainNo, regionCode, departmentCode, itemCode, staffNo, windowCode,
				raterNameEnc, raterCertEnc, raterCertHash, raterMobileEnc, raterMobileHash, source, receivedAt,
				submittedBy, submittedByUser, reference, null);
	}

	boolean isDefault() {
		return source.isDefault();
	}

	boolean isBad() {
		return Level.ofStars("level", level).isBad();
	}
}
