package org.hcp.evaluation.rules;

import org.hcp.cases.CaseView;
import org.hcp.shared.HcpException;

/**
 * 办结后评价 (domain §6.1): on-the-spot (即办件) and fully online cases are rated once, after completion; a 承诺件
 * handled at the window may be rated after each visit, before it completes.
 */
public final class RatedAfterCompletion {

	private RatedAfterCompletion() {
	}

	public static void check(CaseView c) {
		if (OncePerService.ratedOnceAfterCompletion(c) && !c.isCompleted()) {
			throw HcpException.invalid("caseNo", "NOT_COMPLETED", "办件 " + c.caseNo() + " 尚未办结；即办件和网上办件在办结后评价",
					"Case " + c.caseNo() + " is not completed; on-the-spot and online cases are rated after completion");
		}
	}
}
