package org.hcp.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a ranking (ADR 0027), free of the database: units below the minimum are "not enough data"; the others
 * are ordered by their score — the Wilson lower bound of the good share, or, adjusted for item mix, that bound minus
 * the share the unit's own items predict plus the overall share — best first. Equal scores (to 6 decimals) share a
 * rank, and the next rank skips (1, 2, 2, 4).
 */
final class RankingOrder {

	/** The counts of one unit; {@code expected} is the share its item mix predicts, or null when not adjusting. */
	record Counts(String key, String name, String detail, long evaluations, long good, Double expected) {
	}

	/** The two lists of a ranking. */
	record Result(List<RankedUnit> ranked, List<RankedUnit> notEnoughData) {
	}

	private RankingOrder() {
	}

	static Result rank(List<Counts> units, int minimum, double z, boolean adjust, double overallShare) {
		List<RankedUnit> scored = new ArrayList<>();
		List<RankedUnit> small = new ArrayList<>();
		for (Counts c : units) {
			if (c.evaluations() < Math.max(1, minimum)) {
				small.add(unit(null, c, null, null, null));
				continue;
			}
			double bound = RankingBound.lower(c.good(), c.evaluations(), z);
			Double expected = adjust ? (c.expected() == null ? overallShare : c.expected()) : null;
			double score = adjust ? bound - expected + overallShare : bound;
			scored.add(unit(0, c, bound, expected, score));
		}
		scored.sort(Comparator.comparing(RankedUnit::score).reversed()
			.thenComparing(Comparator.comparingLong(RankedUnit::evaluations).reversed())
			.thenComparing(RankedUnit::key));
		List<RankedUnit> ranked = new ArrayList<>();
		for (int i = 0; i < scored.size(); i++) {
			RankedUnit u = scored.get(i);
			int rank = i > 0 && u.score().compareTo(scored.get(i - 1).score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new RankedUnit(rank, u.key(), u.name(), u.detail(), u.evaluations(), u.good(), u.share(),
					u.lowerBound(), u.expected(), u.score()));
		}
		small.sort(Comparator.comparingLong(RankedUnit::evaluations).reversed().thenComparing(RankedUnit::key));
		return new Result(List.copyOf(ranked), List.copyOf(small));
	}

	private static RankedUnit unit(Integer rank, Counts c, Double bound, Double expected, Double score) {
		BigDecimal share = c.evaluations() == 0 ? null
				: BigDecimal.valueOf(c.good()).divide(BigDecimal.valueOf(c.evaluations()), 6, RoundingMode.HALF_UP);
		return new RankedUnit(rank, c.key(), c.name(), c.detail(), c.evaluations(), c.good(), share, six(bound),
				six(expected), six(score));
	}

	static BigDecimal six(Double value) {
		return value == null ? null : BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
	}
}
