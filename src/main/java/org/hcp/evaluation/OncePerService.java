package org.hcp.evaluation;

import org.hcp.cases.CaseType;
import org.hcp.cases.CaseView;

/**
 * 一次一评 (domain §6.1): each service event may be rated once. Cases done on the spot or fully online are rated once,
 * after completion (one slot for the whole case); a 承诺件 handled offline may be rated after each visit (one slot
 * per service event).
 */
final class OncePerService {

	static final int WHOLE_CASE = 0;

	private OncePerService() {
	}

	static boolean ratedOnceAfterCompletion(CaseView c) {
		return c.caseType() == CaseType.ON_THE_SPOT || c.applyChannel().isOnline();
	}

	static int slot(CaseView c, int serviceNo) {
		return ratedOnceAfterCompletion(c) ? WHOLE_CASE : serviceNo;
	}
}
