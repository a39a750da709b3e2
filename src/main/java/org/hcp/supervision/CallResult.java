package org.hcp.supervision;

/** What one revisit call brought (是否满意). */
enum CallResult {
	/** 满意: the rater answered and is satisfied */
	SATISFIED,
	/** 不满意: the rater answered and is not satisfied */
	NOT_SATISFIED,
	/** 未接通: nobody answered, the number was busy or switched off */
	NO_ANSWER
}
