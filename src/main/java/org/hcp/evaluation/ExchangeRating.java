package org.hcp.evaluation;

import java.time.Instant;
import java.util.List;

import org.hcp.shared.Level;

/**
 * One evaluation record of the national-style exchange, already parsed. {@code isDefault}: the sender's own default
 * rating 默认评价 (made by its system, no rater, no channel); {@code relayedFrom}: the app id of the registered lower
 * platform that relayed it and handles its work order itself (null for a plain exchange push).
 */
public record ExchangeRating(String projectNo, int serviceNumber, Channel channel, Level level,
		List<String> indicators, String comment, Instant assessedAt, int assessNumber, Rater rater, boolean isDefault,
		String relayedFrom) {

	/** A rater's own rating, pushed by a system that is no registered lower platform. */
	public ExchangeRating(String projectNo, int serviceNumber, Channel channel, Level level, List<String> indicators,
			String comment, Instant assessedAt, int assessNumber, Rater rater) {
		this(projectNo, serviceNumber, channel, level, indicators, comment, assessedAt, assessNumber, rater, false, null);
	}

	/** The same record, relayed by this lower platform. */
	public ExchangeRating relayedBy(String appId) {
		return new ExchangeRating(projectNo, serviceNumber, channel, level, indicators, comment, assessedAt,
				assessNumber, rater, isDefault, appId);
	}
}
