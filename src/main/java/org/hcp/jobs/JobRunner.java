package org.hcp.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Schedules every {@link Job} and runs one at a time per name, guarded by a PostgreSQL advisory lock. */
@Service
public class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final Map<String, Job> jobs;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final TaskScheduler scheduler;
	private final Clock clock;
	private final JobProperties properties;

	JobRunner(List<Job> jobs, JdbcClient jdbc, TransactionTemplate tx, TaskScheduler scheduler, Clock clock,
			JobProperties properties) {
		this.jobs = jobs.stream().collect(Collectors.toMap(Job::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		this.jdbc = jdbc;
		this.tx = tx;
		this.scheduler = scheduler;
		this.clock = clock;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void schedule() {
		if (!properties.scheduling()) {
			log.info("Scheduled jobs are off (hcp.jobs.scheduling=false); they still run on demand");
			return;
		}
		jobs.values().forEach(job -> scheduler.scheduleWithFixedDelay(() -> runSafely(job), job.every()));
	}

	public List<String> names() {
		return List.copyOf(jobs.keySet());
	}

	public Optional<Job> find(String name) {
		return Optional.ofNullable(jobs.get(name));
	}

	/** Runs the job as of the given instant; {@code ran=false} when another run holds the lock. */
	public Map<String, Object> run(Job job, Instant asOf) {
		return tx.execute(status -> {
			Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:name))")
				.param("name", "hcp-job:" + job.name())
				.query(Boolean.class)
				.single();
			Map<String, Object> report = new LinkedHashMap<>();
			report.put("job", job.name());
			report.put("asOf", asOf.toString());
			if (!Boolean.TRUE.equals(locked)) {
				report.put("ran", false);
				return report;
			}
			report.put("ran", true);
			report.putAll(job.run(asOf));
			return report;
		});
	}

	private void runSafely(Job job) {
		try {
			run(job, clock.instant());
		}
		catch (RuntimeException e) {
			log.error("Scheduled job {} failed; it will run again", job.name(), e);
		}
	}
}
