package org.hcp.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** One clock-skew setting: a reported time up to the skew ahead of now is accepted, one second more is not. */
class ClockSkewTest {

	static final Instant NOW = Instant.parse("2026-10-12T02:00:00Z");

	@Test
	void a_time_up_to_the_skew_ahead_is_not_in_the_future_one_second_more_is() {
		ClockSkew skew = new ClockSkew(Duration.ofMinutes(5));
		assertThat(skew.isInTheFuture(NOW.plusSeconds(300), NOW)).isFalse();
		assertThat(skew.isInTheFuture(NOW.plusSeconds(301), NOW)).isTrue();
		assertThat(skew.earliestAfter(NOW)).isEqualTo(NOW.minusSeconds(300));
	}

	@Test
	void the_default_is_five_minutes_and_a_negative_skew_is_refused() {
		assertThat(ClockSkew.DEFAULT.clockSkew()).isEqualTo(Duration.ofMinutes(5));
		assertThatThrownBy(() -> new ClockSkew(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
	}
}
