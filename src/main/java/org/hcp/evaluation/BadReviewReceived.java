package org.hcp.evaluation;

import java.time.Instant;
import java.util.UUID;

/**
 * A rating of 1 or 2 stars was stored: a work order starts here (domain §7). One per stored row, so a batch or chain
 * rating announces one per case, all with the same {@code groupId} (null for a single rating). The rater's mobile
 * travels encrypted (as stored), for the revisit call; null when the rater gave none. {@code relayedFrom}: the app id of
 * the registered lower platform that relayed the rating and handles its order itself (a remote order here); else null.
 */
public record BadReviewReceived(long evaluationId, long caseId, String caseNo, int serviceNo, String departmentCode,
		String staffNo, Instant assessedAt, UUID groupId, String regionCode, String itemCode, String windowCode,
		int level, String comment, byte[] raterMobileEnc, String relayedFrom) {

	/** The announcement as it was before relayed ratings (kept for callers of that form). */
	public BadReviewReceived(long evaluationId, long caseId, String caseNo, int serviceNo, String departmentCode,
			String staffNo, Instant assessedAt, UUID groupId, String regionCode, String itemCode, String windowCode,
			int level, String comment, byte[] raterMobileEnc) {
		this(evaluationId, caseId, caseNo, serviceNo, departmentCode, staffNo, assessedAt, groupId, regionCode, itemCode,
				windowCode, level, comment, raterMobileEnc, null);
	}

	/** The announcement as it was before it carried the group, region and rater (kept for callers of that form). */
	public BadReviewReceived(long evaluationId, long caseId, String caseNo, int serviceNo, String departmentCode,
			String staffNo, Instant assessedAt) {
		this(evaluationId, caseId, caseNo, serviceNo, departmentCode, staffNo, assessedAt, null, null, null, null, 0,
				null, null, null);
	}
}
