package org.hcp.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.hcp.jobs.Job;
import org.springframework.stereotype.Component;

/** Seals new ratings into the hash chain every few seconds. */
@Component
class SealJob implements Job {

	private final Seals seals;
	private final EvaluationProperties properties;

	SealJob(Seals seals, EvaluationProperties properties) {
		this.seals = seals;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "seal-ratings";
	}

	@Override
	public Duration every() {
		return properties.sealEvery();
	}

	@Override
	public Map<String, Object> run(Instant asOf) {
		return Map.of("sealed", seals.sealPending(asOf));
	}
}
