package org.hcp.supervision;

/**
 * The results of a quarter's random phone revisits in a region and the regions inside it (是否满意), read from their
 * own table: calls drawn, answered satisfied, answered not satisfied, unreachable after the attempts the policy asks
 * for, and still open.
 */
public record RevisitCounts(String regionCode, String quarter, long drawn, long satisfied, long notSatisfied,
		long unreachable, long open) {
}
