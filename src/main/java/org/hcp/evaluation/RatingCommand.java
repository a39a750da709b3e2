package org.hcp.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * One rating as a channel submits it.
 *
 * @param serviceNo the rated service event; the latest one when null
 * @param level stars 1–5 as submitted (checked here, so that the error names the field)
 * @param ratedAt when the rater rated; now when null
 * @param wholeChain rate every item of the case's chain instead of this item alone
 * @param staffNo attribution from a binding token (null = the service event's own)
 * @param windowCode attribution from a binding token (null = the service event's own)
 */
public record RatingCommand(String caseNo, Integer serviceNo, Channel channel, Integer level, List<String> indicators,
		String comment, Instant ratedAt, Rater rater, boolean wholeChain, String staffNo, String windowCode,
		Source source) {
}
