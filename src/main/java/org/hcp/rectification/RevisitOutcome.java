package org.hcp.rectification;

/** What the revisit call 回访 found (domain §7). */
public enum RevisitOutcome {
	/** 满意 */
	SATISFIED,
	/** 基本满意 */
	PARTLY_SATISFIED,
	/** 不满意: rectification reopens with a new deadline */
	NOT_SATISFIED,
	/** 无法联系: only after the configured number of recorded call attempts (3) */
	UNREACHABLE
}
