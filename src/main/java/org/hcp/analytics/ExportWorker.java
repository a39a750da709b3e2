package org.hcp.analytics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.hcp.jobs.Job;
import org.hcp.shared.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Renders queued exports, one at a time on its own thread (a bounded queue: requests beyond it wait in the table for
 * the next sweep). An export is claimed by a conditional update, so two instances never render the same one. At
 * start-up an export left RUNNING by a restart is queued again; the job "report-exports" sweeps the queue every
 * minute and deletes files older than {@code hcp.analytics.export.keep}.
 */
@Component
class ExportWorker implements Job {

	private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);

	private final JdbcClient jdbc;
	private final Reports reports;
	private final Clock clock;
	private final Duration keep;
	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(100), r -> {
				Thread t = new Thread(r, "report-export");
				t.setDaemon(true);
				return t;
			});

	ExportWorker(JdbcClient jdbc, Reports reports, Clock clock, AnalyticsProperties properties) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.clock = clock;
		this.keep = properties.export().keep();
	}

	void submit(UUID id) {
		try {
			executor.execute(() -> run(id));
		}
		catch (RejectedExecutionException e) {
			log.info("export {} waits for the next sweep: the queue is full", id);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void resumeAfterRestart() {
		int requeued = jdbc.sql("update ana_export set status = 'QUEUED', progress = 0 where status = 'RUNNING'").update();
		if (requeued > 0) {
			log.info("{} exports cut short by a restart are queued again", requeued);
		}
		queued().forEach(this::submit);
	}

	@Override
	public String name() {
		return "report-exports";
	}

	@Override
	public Duration every() {
		return Duration.ofMinutes(1);
	}

	@Override
	public Map<String, Object> run(Instant asOf) {
		int deleted = jdbc.sql("delete from ana_export where finished_at < :before")
			.param("before", Timestamp.from(clock.instant().minus(keep)))
			.update();
		List<UUID> queued = queued();
		if (executor.getQueue().isEmpty() && executor.getActiveCount() == 0) {
			queued.forEach(this::submit);
		}
		return Map.of("queued", queued.size(), "deleted", deleted);
	}

	/** Renders one export, reporting progress as it goes; a failure is kept with the export, never thrown. */
	void run(UUID id) {
		int claimed = jdbc.sql("update ana_export set status = 'RUNNING', progress = 10 where id = :id and status = 'QUEUED'")
			.param("id", id)
			.update();
		if (claimed == 0) {
			return;
		}
		try {
			Map<String, Object> row = jdbc.sql("select kind, region_code, period from ana_export where id = :id")
				.param("id", id)
				.query()
				.singleRow();
			Report report = reports.assemble(new RegionCode((String) row.get("region_code")),
					Period.parse("period", (String) row.get("period")));
			progress(id, 60);
			byte[] file = reports.render(report, ExportFormat.ofKind((String) row.get("kind")) == ExportFormat.PDF);
			jdbc.sql("""
					update ana_export set status = 'DONE', progress = 100, file = :file, finished_at = :at
					where id = :id""")
				.param("id", id)
				.param("file", file)
				.param("at", Timestamp.from(clock.instant()))
				.update();
		}
		catch (RuntimeException e) {
			log.warn("export {} failed", id, e);
			jdbc.sql("update ana_export set status = 'FAILED', error = :error, finished_at = :at where id = :id")
				.param("id", id)
				.param("error", e.getClass().getSimpleName())
				.param("at", Timestamp.from(clock.instant()))
				.update();
		}
	}

	private void progress(UUID id, int percent) {
		jdbc.sql("update ana_export set progress = :p where id = :id").param("p", percent).param("id", id).update();
	}

	private List<UUID> queued() {
		return jdbc.sql("select id from ana_export where status = 'QUEUED' order by created_at")
			.query((rs, i) -> rs.getObject(1, UUID.class))
			.list();
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}
}
