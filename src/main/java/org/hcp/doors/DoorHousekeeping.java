package org.hcp.doors;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.hcp.jobs.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Job {@code door-housekeeping}: forgets what the doors keep only for a while — SMS code requests older than two days
 * (the limits count one day back) and the evaluators' queue entries closed or expired more than a week ago. Nothing
 * of a rating is touched; ratings are kept by evaluation.
 */
@Component
class DoorHousekeeping implements Job {

	static final Duration CODES_KEPT = Duration.ofDays(2);
	static final Duration QUEUE_KEPT = Duration.ofDays(7);

	private final JdbcClient jdbc;

	DoorHousekeeping(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "door-housekeeping";
	}

	@Override
	public Duration every() {
		return Duration.ofHours(1);
	}

	@Override
	public Map<String, Object> run(Instant asOf) {
		int codes = jdbc.sql("delete from door_one_time_code where created_at < :before")
			.param("before", Timestamp.from(asOf.minus(CODES_KEPT)))
			.update();
		int queued = jdbc.sql("""
				delete from door_device_queue
				where (state <> 'WAITING' and coalesce(closed_at, created_at) < :before) or expires_at < :before""")
			.param("before", Timestamp.from(asOf.minus(QUEUE_KEPT)))
			.update();
		return Map.of("oneTimeCodes", codes, "queueEntries", queued);
	}
}
