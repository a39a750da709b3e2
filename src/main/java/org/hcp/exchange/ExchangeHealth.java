package org.hcp.exchange;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code exchange}: {@code DEGRADED} (answered with HTTP 200, see application.yml) when the oldest
 * unsent outbox row is older than {@code hcp.exchange.push.backlog-limit}, {@code UP} otherwise; details: the backlog.
 * Like the {@code db} component it answers in bounded time — a quarter of {@code hcp.database.health-timeout}, so
 * that both together stay within the two seconds a load balancer allows: with the database gone the backlog cannot be
 * read, and the component says UNKNOWN (the {@code db} component says DOWN) instead of holding
 * {@code /actuator/health} for the pool's 30 s or failing it.
 */
@Component("exchange")
class ExchangeHealth implements HealthIndicator, DisposableBean {

	static final Status DEGRADED = new Status("DEGRADED", "上报积压超过上限 / the push backlog is older than its limit");

	private final BacklogView backlog;
	private final Duration timeout;
	private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "exchange-health");
		t.setDaemon(true);
		return t;
	});
	private CompletableFuture<BacklogView.Backlog> inFlight = CompletableFuture.completedFuture(null);

	ExchangeHealth(BacklogView backlog, @Value("${hcp.database.health-timeout:1s}") Duration timeout) {
		this.backlog = backlog;
		this.timeout = timeout.dividedBy(4);
	}

	@Override
	public Health health() {
		BacklogView.Backlog b;
		try {
			b = current().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			return Health.unknown().withDetail("error", "the backlog could not be read within " + timeout.toMillis() + " ms")
				.build();
		}
		catch (ExecutionException e) {
			return Health.unknown().withDetail("error", "the backlog could not be read: " + e.getCause().getClass().getSimpleName())
				.build();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Health.unknown().build();
		}
		Health.Builder health = b.degraded() ? Health.status(DEGRADED) : Health.up();
		health.withDetail("pending", b.pending())
			.withDetail("failed", b.failed())
			.withDetail("limitSeconds", b.limitSeconds());
		if (b.oldestUnsentAt() != null) {
			health.withDetail("oldestUnsentAt", b.oldestUnsentAt().toString())
				.withDetail("oldestAgeSeconds", b.oldestAgeSeconds());
		}
		return health.build();
	}

	/** One read at a time: while one still waits for the database, later calls wait for the same one. */
	private synchronized CompletableFuture<BacklogView.Backlog> current() {
		if (inFlight.isDone()) {
			inFlight = CompletableFuture.supplyAsync(backlog::now, thread);
		}
		return inFlight;
	}

	@Override
	public void destroy() {
		thread.shutdownNow();
	}
}
