package org.hcp.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hcp.catalog.IndicatorSet;
import org.hcp.catalog.StaffView;
import org.hcp.cases.CaseView;
import org.hcp.cases.ServiceEventView;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.Level;

/**
 * Checks one rating of one service event against every rule and turns it into the row to append. Shared by the
 * rating API, the token flows, SMS, the exchange and the default rule, so that every door applies the same rules.
 */
final class RatingRules {

	/** Clocks of channels and lower platforms drift; a rating this far ahead of a service is a mistake. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private RatingRules() {
	}

	/** What is rated, by whom, through which door. */
	record Draft(CaseView target, ServiceEventView event, Channel channel, Level level, List<String> indicators,
			String comment, Instant ratedAt, int assessNumber, RatingScope scope, UUID group, String staffNo,
			String windowCode, SealedRater rater, Source source, boolean isDefault) {
	}

	static EvaluationRecord check(Draft d, IndicatorSet catalog, StaffView staff, Instant now) {
		List<FieldProblem> problems = new ArrayList<>();
		CaseView c = d.target();
		boolean once = OncePerService.ratedOnceAfterCompletion(c);
		if (once && !c.isCompleted()) {
			throw HcpException.invalid("caseNo", "NOT_COMPLETED", "办件 " + c.caseNo() + " 尚未办结；即办件和网上办件在办结后评价",
					"Case " + c.caseNo() + " is not completed; on-the-spot and online cases are rated after completion");
		}
		Instant ratedFrom = (once ? c.completedAt() : d.event().occurredAt()).minus(CLOCK_SKEW);
		if (d.ratedAt().isBefore(ratedFrom)) {
			problems.add(FieldProblem.of("ratedAt", "评价时间早于被评价的服务", "the rating is older than the service it rates"));
		}
		if (d.ratedAt().isAfter(now.plus(CLOCK_SKEW))) {
			problems.add(FieldProblem.of("ratedAt", "评价时间不能晚于当前时间", "ratedAt cannot be in the future"));
		}
		if (d.comment() != null && d.comment().length() > 1000) {
			problems.add(FieldProblem.of("comment", "评价意见不超过1000字", "comment is at most 1000 characters"));
		}
		if (d.comment() != null && d.comment().indexOf('\u0000') >= 0) {
			problems.add(FieldProblem.of("comment", "评价意见含有不允许的控制字符", "comment contains a control character"));
		}
		if (!d.isDefault()) {
			problems.addAll(IndicatorsOfCurrentCatalog.check(catalog, d.level(),
					d.channel().family(c.applyChannel().isOnline()), d.indicators()));
			BadReviewNeedsReason.check(d.level(), d.indicators(), d.comment()).ifPresent(problems::add);
		}
		if (!problems.isEmpty()) {
			throw HcpException.invalid("RATING_RULE_BROKEN", problems);
		}
		if (NoSelfRating.isSelfRating(staff, d.rater().mobileHash(), d.rater().certHash())) {
			throw HcpException.invalid("rater", "SELF_RATING", "工作人员不得评价本人办理的服务",
					"Staff may not rate a service they provided themselves");
		}
		return toRecord(d, catalog, now);
	}

	private static EvaluationRecord toRecord(Draft d, IndicatorSet catalog, Instant now) {
		CaseView c = d.target();
		SealedRater r = d.rater();
		String comment = d.comment() == null || d.comment().isBlank() ? null : d.comment().trim();
		return new EvaluationRecord(c.id(), c.caseNo(), d.event().serviceNo(),
				OncePerService.slot(c, d.event().serviceNo()), d.channel(), d.level().stars(),
				d.indicators().isEmpty() ? null : String.join(",", d.indicators()),
				d.indicators().isEmpty() ? null : catalog.version(), comment, micros(d.ratedAt()), d.assessNumber(),
				d.isDefault(), d.scope(), d.group(), c.batchNo(), c.chainNo(), c.region().value(), c.departmentCode(),
				c.itemCode(), d.staffNo(), d.windowCode(), r.nameEnc(), r.certEnc(), r.certHash(), r.mobileEnc(),
				r.mobileHash(), d.source(), micros(now));
	}

	static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}
}
