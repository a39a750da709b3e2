package org.hcp.jobs;

import java.time.Clock;
import java.time.Instant;

import org.hcp.shared.ClockSkew;
import org.hcp.shared.HcpException;
import org.springframework.stereotype.Component;

/**
 * A job runs on demand as of now or an earlier instant, never as of the future: a run dated ahead of the clock
 * would write append-only rows (default ratings, seals) carrying a time that has not come yet. A few minutes of
 * skew ({@code hcp.clock-skew}, the one drift setting of cases and ratings) are allowed; tests that play deadlines forward switch the rule off ({@code hcp.jobs.allow-future-as-of}).
 */
@Component
class NoFutureAsOf {

	private final Clock clock;
	private final JobProperties properties;
	private final ClockSkew skew;

	NoFutureAsOf(Clock clock, JobProperties properties, ClockSkew skew) {
		this.clock = clock;
		this.properties = properties;
		this.skew = skew;
	}

	void check(Instant asOf) {
		if (properties.allowFutureAsOf()) {
			return;
		}
		if (skew.isInTheFuture(asOf, clock.instant())) {
			throw HcpException.invalid("asOf", "AS_OF_IN_FUTURE",
					"asOf 不能晚于当前时间（允许误差 " + skew.clockSkew().toMinutes() + " 分钟）",
					"asOf must not be later than now (allowed skew " + skew.clockSkew().toMinutes() + " min)");
		}
	}
}
