package org.hcp.jobs;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.hcp.shared.HcpException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "jobs 定时任务")
class JobController {

	private final JobRunner runner;
	private final NoFutureAsOf noFutureAsOf;
	private final Clock clock;

	JobController(JobRunner runner, NoFutureAsOf noFutureAsOf, Clock clock) {
		this.runner = runner;
		this.noFutureAsOf = noFutureAsOf;
		this.clock = clock;
	}

	@GetMapping("/api/v1/admin/jobs")
	Map<String, List<String>> list() {
		return Map.of("jobs", runner.names());
	}

	@PostMapping("/api/v1/admin/jobs/{name}/run")
	@Operation(summary = "Run a scheduled job now, or as of the given ISO-8601 instant not later than now "
			+ "(e.g. 2026-10-15T00:00:00+08:00); ran=false when another run holds the job's lock")
	Map<String, Object> run(@PathVariable String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf) {
		Job job = runner.find(name).orElseThrow(() -> HcpException.notFound("name", "UNKNOWN_JOB",
				"没有名为 " + name + " 的任务，可选：" + runner.names(), "No job named " + name + "; known: " + runner.names()));
		if (asOf == null) {
			return runner.run(job, clock.instant());
		}
		noFutureAsOf.check(asOf.toInstant());
		return runner.run(job, asOf.toInstant());
	}
}
