package org.hcp.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * One rating as a channel submits it. The rated service's window and staff member are always those of its service
 * event: the token flows choose the event that matches their token (see {@code rules.ServedAtThatWindow}).
 *
 * @param serviceNo the rated service event; the latest one when null
 * @param level stars 1–5 as submitted (checked here, so that the error names the field)
 * @param ratedAt when the rater rated; now when null
 * @param wholeChain rate every item of the case's chain instead of this item alone
 * @param source the door it came through; {@link Source#TOKEN} only from the binding-token flows
 */
public record RatingCommand(String caseNo, Integer serviceNo, Channel channel, Integer level, List<String> indicators,
		String comment, Instant ratedAt, Rater rater, boolean wholeChain, Source source) {
}
