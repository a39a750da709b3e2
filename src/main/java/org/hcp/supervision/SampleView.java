package org.hcp.supervision;

import java.time.Instant;
import java.util.List;

/**
 * A drawn quarterly revisit sample as the API shows it: how it was drawn (method, seed, sizes, population and its
 * digest, so that an auditor can redraw it) and the drawn cases in rank order with their call tasks.
 */
record SampleView(long id, String regionCode, String quarter, String method, String seed, int samplePercent,
		int sampleMin, int sampleMax, int perTargetedItem, List<String> targetedItems, int population,
		String populationDigest, int randomPicks, int targetedPicks, String drawnBy, String drawnRole, Instant drawnAt,
		List<SampledCase> cases) {

	/** One drawn case. */
	record SampledCase(int rank, String pick, String caseNo, String regionCode, String departmentCode, String itemCode,
			Instant completedAt, String rankKey, Long callTaskId) {
	}
}
