package org.hcp.shared;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far the clocks of channel systems, business systems and lower platforms may drift from ours
 * ({@code hcp.clock-skew}, default 5 minutes). One setting for cases and ratings alike: a reported time later than
 * now plus this is a mistake, and a rating up to this much before the service it rates is still accepted.
 */
@ConfigurationProperties("hcp")
public record ClockSkew(@DefaultValue("5m") Duration clockSkew) {

	public static final ClockSkew DEFAULT = new ClockSkew(Duration.ofMinutes(5));

	public ClockSkew {
		if (clockSkew == null || clockSkew.isNegative()) {
			throw new IllegalArgumentException("hcp.clock-skew must be zero or positive");
		}
	}

	/** The latest time a client may report as "now". */
	public Instant latestAcceptable(Instant now) {
		return now.plus(clockSkew);
	}

	/** The earliest time a client may report for something that happened after {@code instant}. */
	public Instant earliestAfter(Instant instant) {
		return instant.minus(clockSkew);
	}

	/** True when {@code reported} lies further in the future than the drift allows. */
	public boolean isInTheFuture(Instant reported, Instant now) {
		return reported.isAfter(latestAcceptable(now));
	}
}
