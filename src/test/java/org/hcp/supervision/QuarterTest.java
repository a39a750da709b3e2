package org.hcp.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.hcp.shared.HcpException;
import org.junit.jupiter.api.Test;

/** Quarters are China-time quarters. */
class QuarterTest {

	@Test
	void a_quarter_starts_and_ends_at_midnight_in_china() {
		Quarter q = Quarter.parse("quarter", "2026-q3");
		assertThat(q.toString()).isEqualTo("2026Q3");
		assertThat(q.start()).isEqualTo(Instant.parse("2026-06-30T16:00:00Z"));
		assertThat(q.end()).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
		assertThat(Quarter.of(Instant.parse("2026-09-30T15:59:59Z"))).isEqualTo(q);
		assertThat(Quarter.of(Instant.parse("2026-09-30T16:00:00Z"))).isEqualTo(new Quarter(2026, 4));
		assertThat(new Quarter(2026, 1).previous()).isEqualTo(new Quarter(2025, 4));
	}

	@Test
	void a_malformed_quarter_is_refused_naming_the_field() {
		assertThatThrownBy(() -> Quarter.parse("quarter", "2026Q5")).isInstanceOf(HcpException.class)
			.hasMessageContaining("BAD_QUARTER");
		assertThatThrownBy(() -> Quarter.parse("quarter", " ")).isInstanceOf(HcpException.class);
	}
}
