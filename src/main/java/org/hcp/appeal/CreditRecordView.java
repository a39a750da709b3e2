package org.hcp.appeal;

import java.time.Instant;
import java.util.List;

/**
 * A credit-record entry 信用档案 of a rater whose rating an appeal found malicious. The rater's identity is masked in
 * every view (name, mobile, ID number); it is stored encrypted, with look-up hashes.
 */
public record CreditRecordView(long id, long appealId, String orderNo, List<Long> evaluationIds, String regionCode,
		String raterName, String raterMobile, String raterCertNo, String reason, String recordedBy,
		Instant recordedAt) {
}
