package org.hcp.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The push backlog 上报积压: unsent rows and the age of the oldest. It is what health ({@code exchange}), the
 * endpoint {@code /api/v1/exchange/backlog} and the gauges {@code hcp.exchange.backlog} and
 * {@code hcp.exchange.backlog.oldest.age} show. DEGRADED when the oldest unsent row is older than
 * {@code hcp.exchange.push.backlog-limit}.
 */
@Component
class BacklogView {

	/** The backlog as shown; {@code oldestUnsentAt} and {@code oldestAgeSeconds} are null when nothing waits. */
	record Backlog(long pending, long failed, Instant oldestUnsentAt, Long oldestAgeSeconds, long limitSeconds,
			boolean degraded) {
	}

	private final OutboxStore store;
	private final ExchangeProperties properties;
	private final Clock clock;

	BacklogView(OutboxStore store, ExchangeProperties properties, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("hcp.exchange.backlog", this, b -> b.now().pending())
			.description("Outbox rows not yet accepted by the upper platform")
			.register(meters);
		Gauge.builder("hcp.exchange.backlog.oldest.age", this, b -> {
			Long age = b.now().oldestAgeSeconds();
			return age == null ? 0 : age;
		}).description("Seconds since the oldest unsent outbox row was queued").baseUnit("seconds").register(meters);
	}

	/** The whole backlog as of now. */
	Backlog now() {
		return of(store.backlog(), clock.instant());
	}

	Backlog of(OutboxStore.Backlog raw, Instant now) {
		Duration limit = properties.push().backlogLimit();
		Long age = raw.oldestUnsentAt() == null ? null
				: Math.max(0, Duration.between(raw.oldestUnsentAt(), now).toSeconds());
		boolean degraded = raw.oldestUnsentAt() != null
				&& Duration.between(raw.oldestUnsentAt(), now).compareTo(limit) > 0;
		return new Backlog(raw.pending(), raw.failed(), raw.oldestUnsentAt(), age, limit.toSeconds(), degraded);
	}
}
