package org.hcp.evaluation;

import java.time.Instant;
import java.util.List;

/** A stored rating as shown in responses and lists: personal data masked. */
public record EvaluationView(long id, String caseNo, int serviceNo, Channel channel, int level, List<String> indicators,
		String comment, Instant assessedAt, int assessNumber, boolean isDefault, RatingScope scope, String staffNo,
		String windowCode, String raterName, String raterMobile, String raterCertNo, Source source) {
}
