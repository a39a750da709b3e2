package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The request window of the national interface, at its boundary. */
class ReplayWindowTest {

	private final ReplayWindow window = new ReplayWindow(Duration.ofMinutes(5));
	private final Instant now = Instant.parse("2026-11-02T02:00:00Z");

	@Test
	void a_request_exactly_the_window_old_or_ahead_is_in_time() {
		assertThat(window.inTime(now.minus(Duration.ofMinutes(5)), now)).isTrue();
		assertThat(window.inTime(now.plus(Duration.ofMinutes(5)), now)).isTrue();
	}

	@Test
	void a_request_one_second_beyond_the_window_either_way_is_stale() {
		assertThat(window.inTime(now.minus(Duration.ofMinutes(5)).minusSeconds(1), now)).isFalse();
		assertThat(window.inTime(now.plus(Duration.ofMinutes(5)).plusSeconds(1), now)).isFalse();
	}

	@Test
	void seen_signatures_may_be_forgotten_after_twice_the_window() {
		assertThat(window.forgetBefore(now)).isEqualTo(now.minus(Duration.ofMinutes(10)));
	}
}
