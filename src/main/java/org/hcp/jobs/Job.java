package org.hcp.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A scheduled job. It runs every {@link #every()} as of the current time, and on demand as of any instant
 * ({@code POST /api/v1/admin/jobs/{name}/run?asOf=…}), so that deadlines can be checked at a chosen moment.
 * Runs are serialised across instances by a database lock.
 */
public interface Job {

	/** The name used in the URL, e.g. {@code unrated-cases}. */
	String name();

	/** How often the scheduler runs it. */
	Duration every();

	/** Does the work due as of {@code asOf}; returns counts for the report. Must be idempotent. */
	Map<String, Object> run(Instant asOf);
}
