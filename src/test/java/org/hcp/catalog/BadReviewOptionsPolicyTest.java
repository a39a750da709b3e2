package org.hcp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.hcp.shared.Level;
import org.junit.jupiter.api.Test;

class BadReviewOptionsPolicyTest {

	@Test
	void a_table_with_options_for_both_bad_levels_on_both_families_has_no_gap() {
		assertThat(BadReviewOptionsPolicy.gaps(complete())).isEmpty();
	}

	@Test
	void a_table_without_offline_options_for_one_star_has_a_gap() {
		List<Indicator> table = new ArrayList<>(complete());
		table.removeIf(i -> i.level() == Level.VERY_DISSATISFIED && i.family() == ChannelFamily.OFFLINE);
		assertThat(BadReviewOptionsPolicy.gaps(table)).hasSize(1);
	}

	@Test
	void good_levels_need_no_options() {
		List<Indicator> table = new ArrayList<>(complete());
		table.add(new Indicator(9, "501", Level.VERY_SATISFIED, ChannelFamily.ONLINE, "好"));
		assertThat(BadReviewOptionsPolicy.gaps(table)).isEmpty();
	}

	private static List<Indicator> complete() {
		return List.of(new Indicator(9, "101", Level.VERY_DISSATISFIED, ChannelFamily.ONLINE, "差"),
				new Indicator(9, "111", Level.VERY_DISSATISFIED, ChannelFamily.OFFLINE, "差"),
				new Indicator(9, "201", Level.DISSATISFIED, ChannelFamily.ONLINE, "差"),
				new Indicator(9, "211", Level.DISSATISFIED, ChannelFamily.OFFLINE, "差"));
	}
}
