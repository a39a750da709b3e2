package org.hcp.database;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} health component, answered within {@code hcp.database.health-timeout} (default 1 s): with the
 * database gone, a pooled connection is waited for up to the pool's connection timeout (30 s), and a probe behind it
 * held {@code /actuator/health} for as long — a load balancer or service manager took the instance for hung, not
 * down. The probe runs on one thread of its own; while it is still waiting, later calls report DOWN instead of
 * queueing more probes. Ordinary requests keep the pool's timeout: a busy database is not a dead one.
 */
@Component("dbHealthIndicator")
class BoundedDatabaseHealth implements HealthIndicator, DisposableBean {

	private final DataSourceHealthIndicator probe;

	private final Duration timeout;

	private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "db-health");
		t.setDaemon(true);
		return t;
	});

	private CompletableFuture<Health> inFlight = CompletableFuture.completedFuture(Health.unknown().build());

	BoundedDatabaseHealth(DataSource dataSource, @Value("${hcp.database.health-timeout:1s}") Duration timeout) {
		this.probe = new DataSourceHealthIndicator(dataSource);
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		CompletableFuture<Health> check = current();
		try {
			return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			return Health.down().withDetail("error", "no answer from the database within " + timeout.toMillis() + " ms")
				.build();
		}
		catch (ExecutionException e) {
			return Health.down(e.getCause()).build();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Health.down(e).build();
		}
	}

	private synchronized CompletableFuture<Health> current() {
		if (inFlight.isDone()) {
			inFlight = CompletableFuture.supplyAsync(probe::health, thread);
		}
		return inFlight;
	}

	@Override
	public void destroy() {
		thread.shutdownNow();
	}
}
