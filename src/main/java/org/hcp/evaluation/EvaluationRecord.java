package org.hcp.evaluation;

import java.time.Instant;
import java.util.UUID;

import org.hcp.shared.Level;

/**
 * One row of evl_evaluation, exactly as stored and as hashed. Instants are at microsecond precision. Whether it is a
 * default rating is its {@link Source}; the is_default column is written from it.
 *
 * @param submittedBy the API key that submitted it (for token ratings: that issued the token); null when none
 */
record EvaluationRecord(long caseId, String caseNo, int serviceNo, int slot, Channel channel, int level,
		String indicators, Integer indicatorVersion, String comment, Instant assessedAt, int assessNumber,
		RatingScope scope, UUID groupId, String batchNo, String chainNo, String regionCode, String departmentCode,
		String itemCode, String staffNo, String windowCode, byte[] raterNameEnc, byte[] raterCertEnc,
		byte[] raterCertHash, byte[] raterMobileEnc, byte[] raterMobileHash, Source source, Instant receivedAt,
		Long submittedBy) {

	boolean isDefault() {
		return source.isDefault();
	}

	boolean isBad() {
		return Level.ofStars("level", level).isBad();
	}
}
