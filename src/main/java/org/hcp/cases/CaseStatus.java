package org.hcp.cases;

/** Where a case stands (exchange proStatus 1/2/3). Moves forward only. */
public enum CaseStatus {
	/** 受理 accepted */
	ACCEPTED,
	/** 办理中 being handled */
	IN_PROGRESS,
	/** 办结 completed */
	COMPLETED
}
