package org.hcp.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hcp.shared.Bilingual;

/**
 * Every panel of the office's dashboard for one region (or, for a department handler, their department) and period:
 * what {@code GET /api/v1/dashboard} answers and the page renders. Every number comes from {@link Statistics}.
 *
 * @param focus what the figures are about
 * @param period the period asked for (from and last day both included)
 * @param asOf the moment up to which the rollups include every committed fact
 * @param breadcrumb the regions from the caller's top region down to the focus (empty for a department)
 * @param headline the headline figures, each with its name and definition
 * @param trend counted ratings per day (per month for periods longer than 92 days)
 * @param levels counted ratings per level, 5 stars first
 * @param channels counted ratings per channel, most first
 * @param reasons counted bad ratings per chosen indicator 差评原因, most first
 * @param items the service items with the most counted bad ratings
 * @param overdue valid bad reviews whose work order went overdue, and where the ledger lists them
 * @param ranking the child regions in ranking order
 * @param children the drill-down: each child region's figures
 */
public record DashboardView(Focus focus, PeriodView period, Instant asOf, List<Crumb> breadcrumb,
		List<Headline> headline, List<TrendPoint> trend, List<LevelCount> levels, List<Tally> channels,
		List<Tally> reasons, List<Tally> items, Overdue overdue, RankingPanel ranking, List<ChildRow> children) {

	/** A region (with its level, 1 province … 5 village) or a department. */
	public record Focus(Dimension dimension, String key, String name, Integer level) {
	}

	public record PeriodView(String label, Grain grain, LocalDate from, LocalDate last) {

		static PeriodView of(Period period) {
			return new PeriodView(period.label(), period.grain(), period.from(), period.to().minusDays(1));
		}
	}

	/** One step of the way back up. */
	public record Crumb(String code, String name, int level) {
	}

	/** A figure with what it means; {@code rate} and {@code percent} only for rates ("—" when nothing to divide by). */
	public record Headline(Metric metric, Bilingual name, Bilingual definition, long value, Long numerator,
			Long denominator, BigDecimal rate, String percent) {
	}

	public record LevelCount(int level, long count) {
	}

	public record Overdue(long count, String ledger) {
	}

	/**
	 * The ranking panel: ranked units first, then those with too few ratings ({@code rank} null).
	 *
	 * @param method how the order is decided, shown with the ranking
	 */
	public record RankingPanel(Bilingual method, List<RankedRow> rows) {
	}

	public record RankedRow(Integer rank, String key, String name, long evaluations, String goodRate,
			BigDecimal score) {
	}

	/** A child region's figures (each opens its own dashboard); {@code drill} when there are regions below it. */
	public record ChildRow(String code, String name, int level, long evaluations, String goodRate,
			String activeRate, long validBad, String rectifyRate, long overdue, boolean drill) {
	}
}
