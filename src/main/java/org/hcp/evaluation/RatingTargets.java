package org.hcp.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.hcp.cases.CaseView;
import org.hcp.cases.Cases;
import org.hcp.cases.ServiceEventView;
import org.hcp.shared.HcpException;
import org.springframework.stereotype.Component;

/**
 * Which services one rating applies to (domain §6.2–6.3): a batch 批量业务 is rated once for every case of it; a
 * chain 一链办 is rated as a whole (every item) when the rater asks, otherwise item by item.
 */
@Component
class RatingTargets {

	private final Cases cases;

	RatingTargets(Cases cases) {
		this.cases = cases;
	}

	record Target(CaseView target, ServiceEventView event) {
	}

	record Plan(RatingScope scope, List<Target> targets) {
	}

	Plan plan(CaseView rated, Integer serviceNo, boolean wholeChain) {
		if (wholeChain) {
			if (rated.chainNo() == null) {
				throw HcpException.invalid("wholeChain", "NOT_A_CHAIN", "办件 " + rated.caseNo() + " 不属于主题式（一链办）服务",
						"Case " + rated.caseNo() + " is not part of a chain");
			}
			return new Plan(RatingScope.CHAIN, resolve(cases.chainOf(rated), serviceNo, rated));
		}
		if (rated.batchNo() != null) {
			return new Plan(RatingScope.BATCH, resolve(cases.batchOf(rated), serviceNo, rated));
		}
		return new Plan(RatingScope.SINGLE, resolve(List.of(rated), serviceNo, rated));
	}

	/** The named service of the rated case; for the other cases of a batch or chain, the same number or their latest. */
	private static List<Target> resolve(List<CaseView> group, Integer serviceNo, CaseView rated) {
		List<Target> targets = new ArrayList<>();
		for (CaseView c : group) {
			boolean isRated = c.id() == rated.id();
			ServiceEventView event = serviceNo == null ? c.lastEvent().orElse(null)
					: c.event(serviceNo).or(() -> isRated ? java.util.Optional.empty() : c.lastEvent()).orElse(null);
			if (event == null) {
				throw HcpException.invalid("serviceNo", "UNKNOWN_SERVICE",
						"办件 " + c.caseNo() + " 没有" + (serviceNo == null ? "服务记录" : "第 " + serviceNo + " 次服务"),
						"Case " + c.caseNo() + " has no " + (serviceNo == null ? "service event" : "service " + serviceNo));
			}
			targets.add(new Target(c, event));
		}
		return targets;
	}
}
