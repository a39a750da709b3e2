package org.hcp.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hcp.cases.CaseView;
import org.hcp.cases.ServiceEventView;
import org.hcp.shared.Level;

/**
 * One rating of one service event before the rules have checked it: what is rated, by whom, through which door.
 * Made only through the intent factories, so that the origin (a rater, the default rule, a lower platform) decides
 * the channel, source and attribution together and they cannot disagree.
 */
final class Draft {

	final CaseView target;
	final ServiceEventView event;
	final Channel channel;
	final Source source;
	final Level level;
	final List<String> indicators;
	final String comment;
	final Instant ratedAt;
	final int assessNumber;
	final RatingScope scope;
	final UUID group;
	final SealedRater rater;
	final Long submittedBy;
	final Long submittedByUser;
	final String reference;
	final String relayedFrom;

	private Draft(CaseView target, ServiceEventView event, Channel channel, Source source, Level level,
			List<String> indicators, String comment, Instant ratedAt, int assessNumber, RatingScope scope, UUID group,
			SealedRater rater, Attribution by, String relayedFrom) {
		this.target = target;
		this.event = event;
		this.channel = channel;
		this.source = source;
		this.level = level;
		this.indicators = indicators;
		this.comment = comment;
		this.ratedAt = ratedAt;
		this.assessNumber = assessNumber;
		this.scope = scope;
		this.group = group;
		this.rater = rater;
		this.submittedBy = by.apiKey();
		this.submittedByUser = by.person();
		this.reference = by.reference();
		this.relayedFrom = relayedFrom;
	}

	/** A rater's own rating of one target of a (possibly batch or chain) rating, through a channel system. */
	static Draft forRater(RatingTargets.Target t, RatingScope scope, UUID group, RatingCommand command, Level level,
			List<String> indicators, Instant ratedAt, SealedRater rater, Attribution by) {
		return new Draft(t.target(), t.event(), command.channel(), command.source(), level, indicators,
				command.comment(), ratedAt, 1, scope, group, rater, by, null);
	}

	/** The default rating 默认评价 of a case that stayed unrated: made by the system, attributed to no one. */
	static Draft forDefault(CaseView c, ServiceEventView event, Level level, Instant at) {
		return new Draft(c, event, Channel.DEFAULT, Source.DEFAULT, level, List.of(), null, at, 1, RatingScope.SINGLE,
				null, SealedRater.NONE, Attribution.NONE, null);
	}

	/**
	 * An evaluation record pushed by a lower platform, for one service event. The sender's default rating stays a
	 * default here: its source is {@link Source#DEFAULT} (the one mark of a default), with no rater and no indicators;
	 * the door it came through is told by the submitting key and {@code relayedFrom}.
	 */
	static Draft fromExchange(CaseView c, ServiceEventView event, ExchangeRating e, List<String> indicators,
			SealedRater rater, Long submittedBy) {
		if (e.isDefault()) {
			return new Draft(c, event, Channel.DEFAULT, Source.DEFAULT, e.level(), List.of(), null, e.assessedAt(),
					e.assessNumber(), RatingScope.SINGLE, null, SealedRater.NONE, Attribution.byKey(submittedBy),
					e.relayedFrom());
		}
		return new Draft(c, event, e.channel(), Source.EXCHANGE, e.level(), indicators, e.comment(), e.assessedAt(),
				e.assessNumber(), RatingScope.SINGLE, null, rater, Attribution.byKey(submittedBy), e.relayedFrom());
	}

	boolean isDefault() {
		return source.isDefault();
	}
}
