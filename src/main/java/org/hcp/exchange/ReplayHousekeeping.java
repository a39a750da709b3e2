package org.hcp.exchange;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.hcp.jobs.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Job {@code exchange-seen-requests}: forgets the signatures seen more than twice the request window ago; a request
 * that old is refused by its time ({@link ReplayWindow}), so forgetting it opens no door to a replay.
 */
@Component
class ReplayHousekeeping implements Job {

	private final JdbcClient jdbc;
	private final ExchangeProperties properties;

	ReplayHousekeeping(JdbcClient jdbc, ExchangeProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "exchange-seen-requests";
	}

	@Override
	public Duration every() {
		return Duration.ofMinutes(10);
	}

	@Override
	public Map<String, Object> run(Instant asOf) {
		int forgotten = jdbc.sql("delete from xch_seen_request where seen_at < :before")
			.param("before", Timestamp.from(new ReplayWindow(properties.intake().window()).forgetBefore(asOf)))
			.update();
		return Map.of("forgotten", forgotten);
	}
}
