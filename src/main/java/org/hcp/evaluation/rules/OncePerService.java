package org.hcp.evaluation.rules;

import org.hcp.cases.CaseType;
import org.hcp.cases.CaseView;

/**
 * 一次一评 (domain §6.1): each service event may be rated once. Cases done on the spot or fully online are rated once,
 * after completion (one slot for the whole case); a 承诺件 handled offline may be rated after each visit (one slot
 * per service event). The database enforces one rating per slot (evl_once_per_slot); a second one is a 409.
 */
public final class OncePerService {

	public static final int WHOLE_CASE = 0;

	private OncePerService() {
	}

	public static boolean ratedOnceAfterCompletion(CaseView c) {
		return c.caseType() == CaseType.ON_THE_SPOT || c.applyChannel().isOnline();
	}

	/** The slot a rating of this service event takes: the whole case, or the visit. */
	public static int slot(CaseView c, int serviceNo) {
		return ratedOnceAfterCompletion(c) ? WHOLE_CASE : serviceNo;
	}
}
