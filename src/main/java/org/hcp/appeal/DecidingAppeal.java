package org.hcp.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hcp.evaluation.Evaluations;
import org.hcp.evaluation.ExclusionReason;
import org.hcp.evaluation.Rater;
import org.hcp.rectification.WorkOrders;
import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office decides an appeal (domain §8). Upheld as 误评 or 恶意评价: the ratings are kept but excluded from every
 * statistic, the order closes as CLOSED_BY_APPEAL, and for 恶意 the rater gets a credit-record entry. Rejected: the
 * order resumes with its paused days added back. Either way the decision is kept (apl_decision), audited and announced
 * for the upward report — all in one transaction, after every check.
 */
@Service
class DecidingAppeal {

	private final AppealStore store;
	private final AppealAudit audit;
	private final CreditFile credit;
	private final Evaluations evaluations;
	private final WorkOrders orders;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	DecidingAppeal(AppealStore store, AppealAudit audit, CreditFile credit, Evaluations evaluations, WorkOrders orders,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.credit = credit;
		this.evaluations = evaluations;
		this.orders = orders;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	void decide(long appealId, AppealDecision decision) {
		decide(appealId, decision, clock.instant());
	}

	/** As {@link #decide(long, AppealDecision)}, decided at the given instant. */
	@Transactional
	void decide(long appealId, AppealDecision decision, Instant at) {
		Caller.requireAny(Role.OFFICE);
		StoredAppeal appeal = store.find(appealId).orElseThrow(() -> Appeals.unknown(appealId));
		RegionScope.current().require("appealId", new RegionCode(appeal.regionCode()), appeal.departmentCode(),
				appeal.staffNo());
		Optional<Caller> caller = Caller.current();
		caller.ifPresent(c -> NoOwnDecision.check(c, appeal));
		if (!appeal.pending()) {
			throw decidedAlready(appealId);
		}
		if (decision == null || decision.outcome() == null) {
			throw HcpException.invalid("outcome", "REQUIRED", "请选择复核结论（MISTAKEN 误评、MALICIOUS 恶意评价、REJECTED 驳回）",
					"outcome is required (MISTAKEN, MALICIOUS or REJECTED)");
		}
		String reason = Texts.required("reason", "复核理由", decision.reason(), 1000);
		AppealOutcome outcome = decision.outcome();
		Actor actor = caller.map(c -> Actor.of(c, c.has(Role.OFFICE) ? Role.OFFICE : Role.ADMIN)).orElse(Actor.SYSTEM);
		if (!store.close(appealId, outcome.state(), at)) {
			throw decidedAlready(appealId);
		}
		boolean late = DecisionDeadline.overdue(appeal.decideBy(), at);
		long decisionId = store.insertDecision(appeal, new AppealDecision(outcome, reason), actor, at, late);
		audit.append(appealId, appeal.orderId(), AppealAudit.Action.DECIDE, actor, at, outcome + ": " + reason);
		Optional<ExclusionReason> exclusion = outcome.exclusion();
		if (exclusion.isPresent()) {
			evaluations.exclude(appeal.evaluationIds(), exclusion.get(), "appeal-decision:" + decisionId, at);
			if (outcome == AppealOutcome.MALICIOUS) {
				ratersOf(appeal).forEach((rater, ids) -> credit.record(appeal, decisionId, rater, ids, reason, actor, at));
			}
			orders.closeByAppeal(appeal.orderId(), appealId, at);
		}
		else {
			orders.resumeAfterAppeal(appeal.orderId(), appealId, at);
		}
		events.publishEvent(new AppealDecided(appealId, decisionId, appeal.orderId(), appeal.orderNo(),
				appeal.evaluationIds(), appeal.caseNos(), appeal.regionCode(), appeal.departmentCode(), appeal.staffNo(),
				outcome, reason, appeal.filedBy(), appeal.filedAt(), actor.name(), actor.role(), at, late));
	}

	/** The distinct raters of the appealed ratings (a batch rating is one rater over several cases), with their ratings. */
	private Map<Rater, List<Long>> ratersOf(StoredAppeal appeal) {
		Map<Rater, List<Long>> raters = new LinkedHashMap<>();
		for (long id : appeal.evaluationIds()) {
			Rater rater = evaluations.raterOf(id).orElse(Rater.ANONYMOUS);
			raters.computeIfAbsent(rater, r -> new ArrayList<>()).add(id);
		}
		return raters;
	}

	private static HcpException decidedAlready(long appealId) {
		return HcpException.conflict("appealId", "APPEAL_DECIDED", "申诉（编号 " + appealId + "）已复核，不能再次复核",
				"Appeal " + appealId + " was decided already");
	}
}
