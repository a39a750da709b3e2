package org.hcp.analytics;

import java.time.Instant;
import java.util.List;

/**
 * The statistics façade (domain §10, ADR 0025): every figure of {@link Metric} for any {@link Subject} and
 * {@link Period}, served from rollups that a job keeps current from queues filled in the same transaction as each
 * rating, exclusion, work-order step and completed case. Callers check region scope before asking.
 */
public interface Statistics {

	/** Every metric of the subject in the period. Unknown subjects have all counts 0. */
	FigureSet figures(Subject subject, Period period);

	/**
	 * The drill-down of a region subject: its child regions (next level), each with its figures, ordered by code.
	 * Empty for other dimensions and for villages.
	 */
	List<FigureSet> children(Subject region, Period period);

	/**
	 * The departments registered at or below the region (catalog), each with its own figures in the period (a
	 * department's ratings come from its own region and below), ordered by code.
	 */
	List<FigureSet> departments(Subject region, Period period);

	/** Counted ratings per day (per month when the period is longer than 92 days). */
	List<TrendPoint> trend(Subject subject, Period period);

	/** Counted ratings per channel, most first. */
	List<Tally> channels(Subject subject, Period period);

	/** Counted bad ratings per chosen indicator 差评原因 (a rating with two indicators counts for both), most first. */
	List<Tally> reasons(Subject subject, Period period);

	/** The items with the most counted bad ratings, most first, at most {@code limit}. */
	List<Tally> itemsWithMostBad(Subject subject, Period period, int limit);

	/** Brings the rollups up to date with every committed fact now (the job does it every few seconds). */
	void catchUp();

	/** The moment up to which the rollups include every committed fact. */
	Instant asOf();
}
