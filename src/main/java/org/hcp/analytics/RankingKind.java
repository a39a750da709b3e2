package org.hcp.analytics;

/** What a ranking 客观分析 orders: regions of one level, departments, windows or staff members (ADR 0027). */
public enum RankingKind {
	/** the child regions of a region (one level down) */
	REGION,
	/** the departments registered at or below a region */
	DEPARTMENT,
	/** the windows of the halls at or below a region */
	WINDOW,
	/** the staff members of the halls at or below a region: staff number and window only, never a name */
	STAFF
}
