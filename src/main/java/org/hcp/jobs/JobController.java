package org.hcp.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.hcp.shared.HcpException;
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
	private final Clock clock;

	JobController(JobRunner runner, Clock clock) {
		this.runner = runner;
		this.clock = clock;
	}

	@GetMapping("/api/v1/admin/jobs")
	Map<String, List<String>> list() {
		return Map.of("jobs", runner.names());
	}

	@PostMapping("/api/v1/admin/jobs/{name}/run")
	@Operation(summary = "Run a scheduled job now, or as of the given ISO-8601 instant (e.g. 2026-10-15T00:00:00+08:00)")
	Map<String, Object> run(@PathVariable String name, @RequestParam(required = false) String asOf) {
		Job job = runner.find(name).orElseThrow(() -> HcpException.notFound("name", "UNKNOWN_JOB",
				"没有名为 " + name + " 的任务，可选：" + runner.names(), "No job named " + name + "; known: " + runner.names()));
		return runner.run(job, parse(asOf));
	}

	private Instant parse(String asOf) {
		if (asOf == null || asOf.isBlank()) {
			return clock.instant();
		}
		try {
			return OffsetDateTime.parse(asOf.trim().replace(' ', '+')).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return Instant.parse(asOf.trim().replace(' ', '+'));
			}
			catch (DateTimeParseException again) {
				throw HcpException.badRequest("asOf", "BAD_INSTANT", "asOf 应为带时区的ISO-8601时间，如 2026-10-15T00:00:00+08:00",
						"asOf must be an ISO-8601 instant with offset, e.g. 2026-10-15T00:00:00+08:00");
			}
		}
	}
}
