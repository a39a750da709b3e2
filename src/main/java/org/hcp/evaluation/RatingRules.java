package org.hcp.evaluation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.hcp.catalog.IndicatorSet;
import org.hcp.catalog.StaffView;
import org.hcp.cases.CaseView;
import org.hcp.evaluation.rules.BadReviewNeedsReason;
import org.hcp.evaluation.rules.IndicatorsOfCurrentCatalog;
import org.hcp.evaluation.rules.NoSelfRating;
import org.hcp.evaluation.rules.OncePerService;
import org.hcp.evaluation.rules.RatedAfterCompletion;
import org.hcp.evaluation.rules.RatedWithinClockSkew;
import org.hcp.shared.ClockSkew;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.stereotype.Component;

/**
 * Checks one rating of one service event against the rules of {@code org.hcp.evaluation.rules} and turns it into
 * the row to append. Shared by the rating API, the token flows, SMS, the exchange and the default rule, so that every
 * door applies the same rules. Once per service is enforced when the row is appended (evl_once_per_slot).
 */
@Component
class RatingRules {

	static final int MAX_COMMENT = 1000;

	private final ClockSkew skew;

	RatingRules(ClockSkew skew) {
		this.skew = skew;
	}

	EvaluationRecord check(Draft d, IndicatorSet catalog, StaffView staff, Instant now) {
		CaseView c = d.target;
		RatedAfterCompletion.check(c);
		List<FieldProblem> problems = new ArrayList<>(RatedWithinClockSkew.check(c, d.event, d.ratedAt, now, skew));
		if (d.comment != null && d.comment.length() > MAX_COMMENT) {
			problems.add(FieldProblem.of("comment", "评价意见不超过1000字", "comment is at most 1000 characters"));
		}
		if (d.comment != null && d.comment.indexOf('\u0000') >= 0) {
			problems.add(FieldProblem.of("comment", "评价意见含有不允许的控制字符", "comment contains a control character"));
		}
		if (!d.isDefault()) {
			problems.addAll(IndicatorsOfCurrentCatalog.check(catalog, d.level,
					d.channel.family(c.applyChannel().isOnline()), d.indicators));
			BadReviewNeedsReason.check(d.level, d.indicators, d.comment).ifPresent(problems::add);
		}
		if (!problems.isEmpty()) {
			throw HcpException.invalid("RATING_RULE_BROKEN", problems);
		}
		NoSelfRating.check(staff, d.rater.mobileHash(), d.rater.certHash());
		return toRecord(d, catalog, now);
	}

	private static EvaluationRecord toRecord(Draft d, IndicatorSet catalog, Instant now) {
		CaseView c = d.target;
		SealedRater r = d.rater;
		String comment = d.comment == null || d.comment.isBlank() ? null : d.comment.trim();
		boolean none = d.indicators.isEmpty();
		return new EvaluationRecord(c.id(), c.caseNo(), d.event.serviceNo(), OncePerService.slot(c, d.event.serviceNo()),
				d.channel, d.level.stars(), none ? null : String.join(",", d.indicators), none ? null : catalog.version(),
				comment, micros(d.ratedAt), d.assessNumber, d.scope, d.group, c.batchNo(), c.chainNo(),
				c.region().value(), c.departmentCode(), c.itemCode(), d.event.staffNo(), d.event.windowCode(),
				r.nameEnc(), r.certEnc(), r.certHash(), r.mobileEnc(), r.mobileHash(), d.source, micros(now),
				d.submittedBy, d.submittedByUser, d.reference, d.relayedFrom);
	}

	static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}
}
