package org.hcp.supervision;

import org.hcp.security.RegionScope;
import org.hcp.shared.RegionCode;
import org.springframework.stereotype.Service;

/**
 * The results of the quarterly random phone revisits as statistics read them: kept in their own table
 * (sup_revisit_result), apart from ratings and work-order revisits. Scoped by {@link RegionScope}.
 */
@Service
public class RevisitResults {

	private final CallTaskStore tasks;

	RevisitResults(CallTaskStore tasks) {
		this.tasks = tasks;
	}

	/** Counts for the region and every region inside it, for one quarter; 403 OUT_OF_SCOPE outside the caller's. */
	public RevisitCounts counts(RegionCode region, Quarter quarter) {
		RegionScope.current().require("regionCode", region);
		return tasks.counts(region, quarter);
	}
}
