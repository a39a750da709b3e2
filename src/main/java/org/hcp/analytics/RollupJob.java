package org.hcp.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.hcp.jobs.Job;
import org.springframework.stereotype.Component;

/** Keeps the statistics rollups current: every {@code hcp.analytics.rollup.every} it applies the queued changes. */
@Component
class RollupJob implements Job {

	private final RollupCatchUp catchUp;
	private final AnalyticsProperties properties;

	RollupJob(RollupCatchUp catchUp, AnalyticsProperties properties) {
		this.catchUp = catchUp;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "statistics-rollup";
	}

	@Override
	public Duration every() {
		return properties.rollup().every();
	}

	/** The rollups hold what is committed now; {@code asOf} does not apply to them. */
	@Override
	public Map<String, Object> run(Instant asOf) {
		return catchUp.catchUp();
	}
}
