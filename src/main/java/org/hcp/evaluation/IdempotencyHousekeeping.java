package org.hcp.evaluation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.hcp.jobs.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Job {@code idempotency-keys}: forgets the answers kept for idempotency keys after a week. A request re-sent later
 * than that (an evaluator offline for more than a week) is no longer recognised as a replay, and gets 409
 * {@code DUPLICATE_RATING} from the once-per-service rule instead: still never a second rating.
 */
@Component
class IdempotencyHousekeeping implements Job {

	static final Duration KEPT = Duration.ofDays(7);

	private final JdbcClient jdbc;

	IdempotencyHousekeeping(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "idempotency-keys";
	}

	@Override
	public Duration every() {
		return Duration.ofHours(1);
	}

	@Override
	public Map<String, Object> run(Instant asOf) {
		int forgotten = jdbc.sql("delete from evl_idempotency where created_at < :before")
			.param("before", Timestamp.from(asOf.minus(KEPT)))
			.update();
		return Map.of("forgotten", forgotten);
	}
}
