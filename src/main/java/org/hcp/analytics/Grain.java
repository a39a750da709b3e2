package org.hcp.analytics;

/** How a period was asked for: one day, month, quarter or year, or a custom range of days. */
public enum Grain {
	DAY, MONTH, QUARTER, YEAR, RANGE
}
