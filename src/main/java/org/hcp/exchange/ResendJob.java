package org.hcp.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.hcp.jobs.Job;
import org.springframework.stereotype.Component;

/**
 * The scheduled 补报 {@code exchange-resend}: outbox rows unsent for longer than {@code hcp.exchange.push.stuck-after}
 * are made due now, whatever their backoff, so that the next push tries them again.
 */
@Component
class ResendJob implements Job {

	private final OutboxStore store;
	private final ExchangeProperties properties;

	ResendJob(OutboxStore store, ExchangeProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "exchange-resend";
	}

	@Override
	public Duration every() {
		return Duration.ofMinutes(1);
	}

	@Override
	public Map<String, Object> run(Instant asOf) {
		return Map.of("due", store.resendStuck(asOf.minus(properties.push().stuckAfter()), asOf));
	}
}
