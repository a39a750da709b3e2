package org.hcp.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param scheduling run jobs on their schedule (tests switch it off and run them as of chosen instants)
 * @param allowFutureAsOf let an on-demand run be dated later than now plus {@code hcp.clock-skew}; off in production,
 *        because a job dated in the future writes append-only rows (default ratings) that can never be removed
 * @param lockAtMostFor how long a run holds its cluster lock at most, should its instance die while it runs
 */
@ConfigurationProperties("hcp.jobs")
record JobProperties(@DefaultValue("true") boolean scheduling, @DefaultValue("false") boolean allowFutureAsOf,
		@DefaultValue("30m") Duration lockAtMostFor) {
}
