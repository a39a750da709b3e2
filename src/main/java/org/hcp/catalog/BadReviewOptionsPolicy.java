package org.hcp.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.hcp.shared.FieldProblem;
import org.hcp.shared.Level;

/**
 * A rater giving a bad review (1 or 2 stars) picks what was wrong from the indicator options, so a version may only
 * be published if it offers at least one option for each bad level on each channel family.
 */
final class BadReviewOptionsPolicy {

	private BadReviewOptionsPolicy() {
	}

	static List<FieldProblem> gaps(Collection<Indicator> indicators) {
		List<FieldProblem> gaps = new ArrayList<>();
		for (Level level : Level.values()) {
			for (ChannelFamily family : ChannelFamily.values()) {
				if (level.isBad() && indicators.stream().noneMatch(i -> i.level() == level && i.family() == family)) {
					gaps.add(FieldProblem.of("indicators",
							level.label() + "（" + level.stars() + "星）" + family + " 至少需要一个指标",
							family + " needs at least one indicator for " + level.stars() + " star(s)"));
				}
			}
		}
		return gaps;
	}
}
