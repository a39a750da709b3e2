package org.hcp.evaluation.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hcp.cases.CaseView;
import org.hcp.cases.ServiceEventView;
import org.hcp.shared.ClockSkew;
import org.hcp.shared.FieldProblem;

/**
 * 评价时间 (domain §6.1, [ours]): a rating is not older than what it rates (the completion for a case rated once, the
 * visit otherwise) and not in the future — both up to the one clock-skew setting {@code hcp.clock-skew}, because
 * the clocks of channel systems and lower platforms drift.
 */
public final class RatedWithinClockSkew {

	private RatedWithinClockSkew() {
	}

	public static List<FieldProblem> check(CaseView c, ServiceEventView event, Instant ratedAt, Instant now,
			ClockSkew skew) {
		List<FieldProblem> problems = new ArrayList<>();
		Instant rated = OncePerService.ratedOnceAfterCompletion(c) ? c.completedAt() : event.occurredAt();
		if (rated != null && ratedAt.isBefore(skew.earliestAfter(rated))) {
			problems.add(FieldProblem.of("ratedAt", "评价时间早于被评价的服务", "the rating is older than the service it rates"));
		}
		if (skew.isInTheFuture(ratedAt, now)) {
			problems.add(FieldProblem.of("ratedAt", "评价时间不能晚于当前时间", "ratedAt cannot be in the future"));
		}
		return problems;
	}
}
