package org.hcp.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hcp.catalog.ChannelFamily;
import org.hcp.catalog.Indicator;
import org.hcp.catalog.IndicatorSet;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.Level;
import org.junit.jupiter.api.Test;

/** domain §4: chosen indicators belong to the current catalog version, the rating's level and channel family. */
class IndicatorsOfCurrentCatalogTest {

	static final IndicatorSet CATALOG = IndicatorSet.of(3, List.of(
			new Indicator(3, "201", Level.DISSATISFIED, ChannelFamily.OFFLINE, "等候时间长"),
			new Indicator(3, "202", Level.DISSATISFIED, ChannelFamily.ONLINE, "系统卡顿"),
			new Indicator(3, "501", Level.VERY_SATISFIED, ChannelFamily.OFFLINE, "服务热情")));

	static List<String> fields(Level level, ChannelFamily family, String... codes) {
		return IndicatorsOfCurrentCatalog.check(CATALOG, level, family, List.of(codes)).stream()
			.map(FieldProblem::field).toList();
	}

	@Test
	void indicators_of_the_level_and_family_are_accepted() {
		assertThat(fields(Level.DISSATISFIED, ChannelFamily.OFFLINE, "201")).isEmpty();
	}

	@Test
	void an_unknown_indicator_a_wrong_level_a_wrong_family_and_a_repeat_are_each_named() {
		assertThat(fields(Level.DISSATISFIED, ChannelFamily.OFFLINE, "999", "501", "202", "201", "201"))
			.containsExactly("indicators[0]", "indicators[1]", "indicators[2]", "indicators[4]");
	}

	@Test
	void more_than_the_maximum_is_refused() {
		String[] many = new String[IndicatorsOfCurrentCatalog.MAX_INDICATORS + 1];
		java.util.Arrays.fill(many, "201");
		assertThat(fields(Level.DISSATISFIED, ChannelFamily.OFFLINE, many)).containsExactly("indicators");
	}
}
