package org.hcp.evaluation;

import java.time.Instant;
import java.util.List;

import org.hcp.shared.Level;

/** One evaluation record of the national-style exchange, already parsed. */
public record ExchangeRating(String projectNo, int serviceNumber, Channel channel, Level level,
		List<String> indicators, String comment, Instant assessedAt, int assessNumber, Rater rater) {
}
