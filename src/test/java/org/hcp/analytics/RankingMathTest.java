package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The maths of fair rankings (ADR 0027), on hand-computed values. */
class RankingMathTest {

	private static final double Z95 = 1.959963984540054;

	@Test
	void the_two_sided_95_percent_confidence_has_the_quantile_1_96() {
		assertThat(RankingBound.z(0.95)).isCloseTo(Z95, within(1e-8));
		assertThat(RankingBound.z(0.90)).isCloseTo(1.6448536269514722, within(1e-8));
		assertThat(RankingBound.z(0.99)).isCloseTo(2.5758293035489004, within(1e-8));
	}

	@Test
	void a_confidence_outside_0_to_1_is_refused() {
		assertThatThrownBy(() -> RankingBound.z(1.0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> RankingBound.z(0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void the_wilson_lower_bound_matches_known_values() {
		assertThat(RankingBound.lower(3, 3, Z95)).isCloseTo(0.4385029682, within(1e-9));
		assertThat(RankingBound.lower(2900, 3000, Z95)).isCloseTo(0.9596228935, within(1e-9));
		assertThat(RankingBound.lower(29, 30, Z95)).isCloseTo(0.8332960901, within(1e-9));
		assertThat(RankingBound.lower(50, 100, Z95)).isCloseTo(0.4038315304, within(1e-9));
		assertThat(RankingBound.lower(95, 100, 1.6448536269514722)).isCloseTo(0.9008389147, within(1e-9));
		assertThat(RankingBound.lower(0, 10, Z95)).isZero();
		assertThat(RankingBound.lower(0, 0, Z95)).isZero();
	}

	@Test
	void three_good_of_three_ranks_below_2900_good_of_3000() {
		var result = RankingOrder.rank(List.of(counts("SMALL", 3, 3), counts("LARGE", 3000, 2900)), 3, Z95, false, 0);
		assertThat(result.ranked()).extracting(RankedUnit::key).containsExactly("LARGE", "SMALL");
		assertThat(result.ranked()).extracting(RankedUnit::rank).containsExactly(1, 2);
		assertThat(result.ranked().get(1).share()).isEqualByComparingTo("1");
	}

	@Test
	void units_below_the_minimum_are_listed_as_not_enough_data_without_a_rank() {
		var result = RankingOrder.rank(List.of(counts("A", 30, 30), counts("B", 29, 29), counts("C", 0, 0)), 30, Z95,
				false, 0);
		assertThat(result.ranked()).extracting(RankedUnit::key).containsExactly("A");
		assertThat(result.notEnoughData()).extracting(RankedUnit::key).containsExactly("B", "C");
		assertThat(result.notEnoughData()).allMatch(u -> u.rank() == null && u.score() == null && !u.isRanked());
		assertThat(result.notEnoughData().get(1).share()).isNull();
	}

	@Test
	void equal_scores_share_a_rank_and_the_next_rank_skips() {
		var result = RankingOrder.rank(List.of(counts("A", 100, 90), counts("B", 100, 95), counts("C", 100, 90),
				counts("D", 100, 80)), 30, Z95, false, 0);
		assertThat(result.ranked()).extracting(RankedUnit::key).containsExactly("B", "A", "C", "D");
		assertThat(result.ranked()).extracting(RankedUnit::rank).containsExactly(1, 2, 2, 4);
	}

	@Test
	void the_adjustment_ranks_a_unit_with_hard_items_above_one_with_easy_items_and_the_same_share() {
		// both have 90 % good; HARD's items are expected at 80 %, EASY's at 98 %; overall 90 %
		var hard = new RankingOrder.Counts("HARD", "HARD", null, 500, 450, 0.80);
		var easy = new RankingOrder.Counts("EASY", "EASY", null, 500, 450, 0.98);
		var plain = RankingOrder.rank(List.of(easy, hard), 30, Z95, false, 0.90);
		assertThat(plain.ranked()).extracting(RankedUnit::rank).containsExactly(1, 1);
		var adjusted = RankingOrder.rank(List.of(easy, hard), 30, Z95, true, 0.90);
		assertThat(adjusted.ranked()).extracting(RankedUnit::key).containsExactly("HARD", "EASY");
		double bound = RankingBound.lower(450, 500, Z95);
		assertThat(adjusted.ranked().get(0).score().doubleValue()).isCloseTo(bound - 0.80 + 0.90, within(1e-6));
		assertThat(adjusted.ranked().get(1).score().doubleValue()).isCloseTo(bound - 0.98 + 0.90, within(1e-6));
		assertThat(adjusted.ranked().get(0).expected()).isEqualByComparingTo(new BigDecimal("0.800000"));
	}

	@Test
	void a_unit_without_item_counts_is_expected_at_the_overall_share() {
		var unit = new RankingOrder.Counts("U", "U", null, 100, 90, null);
		var adjusted = RankingOrder.rank(List.of(unit), 30, Z95, true, 0.7);
		assertThat(adjusted.ranked().get(0).score().doubleValue())
			.isCloseTo(RankingBound.lower(90, 100, Z95), within(1e-6));
	}

	private static RankingOrder.Counts counts(String key, long n, long good) {
		return new RankingOrder.Counts(key, key, null, n, good, null);
	}
}
