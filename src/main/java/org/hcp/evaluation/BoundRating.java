package org.hcp.evaluation;

import java.util.List;

/**
 * A rating made with a binding token, as the rater's device sends it. The token is checked before this is used.
 *
 * @param caseNo the case from the receipt (window QR codes only; the other tokens name their case)
 * @param oneTimeCode the SMS code when the mobile proves the rater is the applicant (QR and receipt codes)
 */
public record BoundRating(String caseNo, Integer level, List<String> indicators, String comment, Rater rater,
		String oneTimeCode) {

	public BoundRating {
		rater = rater == null ? Rater.ANONYMOUS : rater;
		indicators = indicators == null ? List.of() : List.copyOf(indicators);
	}
}
