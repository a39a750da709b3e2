package org.hcp.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Small-count suppression of public figures (ADR 0029), with the number in {@code hcp.analytics.disclosure
 * .minimum-count} (m):
 * <ul>
 * <li>primary: a count from 1 to m − 1 is suppressed (0 identifies nobody and is shown); a rate whose denominator is
 * from 1 to m − 1 is suppressed;</li>
 * <li>secondary: within a group of siblings (the child regions of one region; the departments registered at one
 * region), when exactly one member's count is suppressed, the smallest other member's count is suppressed too, so
 * that the parent's total minus the visible siblings does not give the suppressed one away.</li>
 * </ul>
 * A region's row is always judged within its own sibling group, whichever page shows it, so that two views never
 * show a cell that one of them hides.
 */
final class DisclosureSuppression {

	/** The counts that are published, each read from a figure set. */
	static final List<Metric> COUNTS = List.of(Metric.EVALUATIONS, Metric.VALID_BAD, Metric.BAD_REPLIED,
			Metric.BAD_RECTIFIED);

	private final int minimum;

	DisclosureSuppression(int minimum) {
		this.minimum = minimum;
	}

	int minimum() {
		return minimum;
	}

	boolean isSmall(long count) {
		return count > 0 && count < minimum;
	}

	/** For each member of the group (in order), the counts that are suppressed. */
	List<java.util.Set<Metric>> suppressed(List<FigureSet> group) {
		List<java.util.Set<Metric>> result = new ArrayList<>();
		group.forEach(g -> result.add(java.util.EnumSet.noneOf(Metric.class)));
		for (Metric metric : COUNTS) {
			ToLongFunction<FigureSet> value = f -> f.count(metric);
			List<Integer> primary = new ArrayList<>();
			for (int i = 0; i < group.size(); i++) {
				if (isSmall(value.applyAsLong(group.get(i)))) {
					primary.add(i);
					result.get(i).add(metric);
				}
			}
			if (primary.size() == 1 && group.size() > 1) {
				int alone = primary.get(0);
				int partner = java.util.stream.IntStream.range(0, group.size())
					.filter(i -> i != alone)
					.boxed()
					.min(Comparator.<Integer>comparingLong(i -> value.applyAsLong(group.get(i)))
						.thenComparing(i -> group.get(i).subject().key()))
					.orElseThrow();
				result.get(partner).add(metric);
			}
		}
		return result;
	}
}
