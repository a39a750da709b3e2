package org.hcp.evaluation;

import java.time.Instant;
import java.util.UUID;

/** One row of evl_evaluation, exactly as stored and as hashed. Instants are at microsecond precision. */
record EvaluationRecord(long caseId, String caseNo, int serviceNo, int slot, Channel channel, int level,
		String indicators, Integer indicatorVersion, String comment, Instant assessedAt, int assessNumber,
		boolean isDefault, RatingScope scope, UUID groupId, String batchNo, String chainNo, String regionCode,
		String departmentCode, String itemCode, String staffNo, String windowCode, byte[] raterNameEnc,
		byte[] raterCertEnc, byte[] raterCertHash, byte[] raterMobileEnc, byte[] raterMobileHash, Source source,
		Instant receivedAt) {

	boolean isBad() {
		return level <= 2;
	}
}
