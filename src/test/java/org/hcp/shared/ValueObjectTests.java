package org.hcp.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueObjectTests {

	@Test
	void a_six_digit_region_code_is_padded_to_twelve() {
		assertThat(RegionCode.parse("areaCode", "330106").value()).isEqualTo("330106000000");
	}

	@Test
	void region_level_is_read_from_its_non_zero_parts() {
		assertThat(new RegionCode("330000000000").level()).isEqualTo(1);
		assertThat(new RegionCode("330100000000").level()).isEqualTo(2);
		assertThat(new RegionCode("330106000000").level()).isEqualTo(3);
		assertThat(new RegionCode("330106001000").level()).isEqualTo(4);
		assertThat(new RegionCode("330106001002").level()).isEqualTo(5);
		assertThat(new RegionCode("330106001002").parent()).isEqualTo(new RegionCode("330106001000"));
	}

	@Test
	void a_region_contains_the_regions_below_it_only() {
		RegionCode county = new RegionCode("330106000000");
		assertThat(county.contains(new RegionCode("330106001002"))).isTrue();
		assertThat(county.contains(new RegionCode("330105001002"))).isFalse();
	}

	@Test
	void a_malformed_region_code_is_refused_naming_the_field() {
		assertThatThrownBy(() -> RegionCode.parse("areaCode", "33A106"))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.fields().get(0).field()).isEqualTo("areaCode"));
	}

	@Test
	void three_stars_and_above_are_good_and_two_and_below_are_bad() {
		assertThat(Level.ofStars("level", 3).isGood()).isTrue();
		assertThat(Level.ofStars("level", 2).isBad()).isTrue();
		assertThat(Level.ofStars("level", 1).isBad()).isTrue();
		assertThat(Level.ofStars("level", 5).isBad()).isFalse();
	}

	@Test
	void the_gb_code_runs_the_other_way_round() {
		assertThat(Level.VERY_SATISFIED.gbCode()).isEqualTo(1);
		assertThat(Level.VERY_DISSATISFIED.gbCode()).isEqualTo(5);
	}

	@Test
	void a_level_outside_one_to_five_is_refused() {
		assertThatThrownBy(() -> Level.ofStars("satisfaction", 6)).isInstanceOf(HcpException.class)
			.hasMessageContaining("satisfaction");
		assertThatThrownBy(() -> Level.ofStars("satisfaction", 0)).isInstanceOf(HcpException.class);
	}

	@Test
	void exchange_time_is_china_time() {
		assertThat(ChinaTime.parse("assessTime", "2026-10-01 08:00:00").toString()).isEqualTo("2026-10-01T00:00:00Z");
		assertThat(ChinaTime.format(java.time.Instant.parse("2026-10-01T00:00:00Z"))).isEqualTo("2026-10-01 08:00:00");
		assertThatThrownBy(() -> ChinaTime.parse("assessTime", "2026/10/01")).isInstanceOf(HcpException.class);
	}

	@Test
	void an_exchange_time_reads_the_same_with_or_without_the_formatter() {
		for (String t : java.util.List.of("2026-10-01 08:00:00", "1990-07-15 23:59:59", "2024-02-29 12:00:00",
				"2023-02-28 00:00:01", "0001-01-01 00:00:00", " 2026-01-31 10:11:12 ", "2026-13-01 08:00:00",
				"2026-10-01 24:00:00", "2026-10-01 08:60:00", "2026-1O-01 08:00:00", "2026-10-01T08:00:00",
				"0000-01-01 00:00:00", "2023-02-29 08:00:00", "2026-04-31 08:00:00", "+2026-10-01 08:00:0")) {
			java.time.Instant expected;
			try {
				expected = java.time.LocalDateTime.parse(t.trim(), ChinaTime.EXCHANGE).atZone(ChinaTime.ZONE).toInstant();
			}
			catch (java.time.format.DateTimeParseException e) {
				assertThatThrownBy(() -> ChinaTime.parse("assessTime", t)).as(t).isInstanceOf(HcpException.class);
				continue;
			}
			assertThat(ChinaTime.parse("assessTime", t)).as(t).isEqualTo(expected);
		}
	}
}
