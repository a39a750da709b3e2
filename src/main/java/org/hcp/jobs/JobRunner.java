package org.hcp.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Schedules every {@link Job} with Spring's scheduler (the one {@code @Scheduled} uses) and runs it — scheduled or
 * on demand — under its ShedLock cluster lock, so one run per job name at a time across all instances.
 */
@Service
public class JobRunner implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final Map<String, Job> jobs;
	private final LockingTaskExecutor locks;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final JobProperties properties;

	JobRunner(List<Job> jobs, LockingTaskExecutor locks, TransactionTemplate tx, Clock clock, JobProperties properties) {
		this.jobs = jobs.stream().collect(Collectors.toMap(Job::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		this.locks = locks;
		this.tx = tx;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!properties.scheduling()) {
			log.info("Scheduled jobs are off (hcp.jobs.scheduling=false); they still run on demand");
			return;
		}
		// the first run waits one period, so that start-up (calendar, demo data) has finished
		jobs.values().forEach(job -> registrar.addFixedDelayTask(new FixedDelayTask(() -> runSafely(job), job.every(), job.every())));
	}

	public List<String> names() {
		return List.copyOf(jobs.keySet());
	}

	public Optional<Job> find(String name) {
		return Optional.ofNullable(jobs.get(name));
	}

	/** Runs the job as of the given instant in one transaction; {@code ran=false} when another run holds the lock. */
	public Map<String, Object> run(Job job, Instant asOf) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("job", job.name());
		report.put("asOf", asOf.toString());
		LockingTaskExecutor.TaskResult<Map<String, Object>> result;
		try {
			result = locks.executeWithLock(() -> tx.execute(status -> job.run(asOf)), lockFor(job));
		}
		catch (RuntimeException | Error e) {
			throw e;
		}
		catch (Throwable e) {
			throw new IllegalStateException("Job " + job.name() + " failed", e);
		}
		report.put("ran", result.wasExecuted());
		if (result.wasExecuted()) {
			report.putAll(result.getResult());
		}
		return report;
	}

	private LockConfiguration lockFor(Job job) {
		return new LockConfiguration(clock.instant(), "job:" + job.name(), properties.lockAtMostFor(), Duration.ZERO);
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
