package org.hcp.analytics;

import java.time.Instant;
import java.util.List;

/**
 * The report 通报 of a region for a month, quarter or year (issue 8 §3, ADR 0028): its figures, one row per department
 * and per child region (townships of a county), the counted ratings per step for the trend chart, the windows and
 * staff last two months running, and the office's text. Every figure is one of {@link Metric}, labelled and defined
 * as the statistics API labels and defines it. {@code uploaded}: the ratings the upper platform accepted (issue 9), null
 * while no upper platform is registered (shown as 未接入上级平台).
 */
public record Report(String regionCode, String regionName, Period period, Instant asOf, FigureSet figures,
		List<FigureSet> departments, List<FigureSet> children, List<TrendPoint> trend, List<LastPlace> lastPlaces,
		ReportNote note, Long uploaded) {

	/** The figures of the summary, in the order the report shows them. */
	public static final List<Metric> SUMMARY = List.of(Metric.EVALUATIONS, Metric.ACTIVE, Metric.DEFAULT,
			Metric.ACTIVE_RATE, Metric.GOOD, Metric.GOOD_RATE, Metric.ACTIVE_GOOD_RATE, Metric.BAD, Metric.VALID_BAD,
			Metric.REPLY_RATE, Metric.RECTIFY_RATE, Metric.REVISIT_RECTIFY_RATE, Metric.REVISIT_SATISFACTION_RATE,
			Metric.BAD_OVERDUE, Metric.CASES_COMPLETED, Metric.COVERAGE_RATE, Metric.UNRATED_RATE,
			Metric.APPEALS_FILED, Metric.RANDOM_REVISIT_SATISFACTION_RATE);

	/** The columns of the per-department and per-township tables. */
	public static final List<Metric> TABLE = List.of(Metric.EVALUATIONS, Metric.GOOD_RATE, Metric.ACTIVE_RATE,
			Metric.BAD, Metric.VALID_BAD, Metric.REPLY_RATE, Metric.RECTIFY_RATE, Metric.COVERAGE_RATE);

	/** The levels of the level-distribution chart. */
	public static final List<Metric> LEVELS = List.of(Metric.LEVEL_1, Metric.LEVEL_2, Metric.LEVEL_3, Metric.LEVEL_4,
			Metric.LEVEL_5);
}
