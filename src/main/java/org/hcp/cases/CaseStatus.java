package org.hcp.cases;

/** Where a case stands (exchange proStatus 1/2/3). Moves forward only, and only through {@link Case}. */
public enum CaseStatus {
	/** 受理: registered, no visit after the acceptance yet */
	ACCEPTED,
	/** 办理中: at least one further visit, not finished */
	IN_PROGRESS,
	/** 办结: finished; the completion time is fixed and ratings may start */
	COMPLETED;

	boolean isBefore(CaseStatus other) {
		return ordinal() < other.ordinal();
	}
}
