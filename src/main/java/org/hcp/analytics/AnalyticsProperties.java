package org.hcp.analytics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of analytics (domain §10), each a default an administrator may change; every value is set in
 * {@code application.yml} (nested defaults in annotations do not bind here).
 *
 * @param rollup how often the rollups catch up with the change queues, and how many changes one pass takes
 * @param ranking fair ranking 客观分析: the fewest ratings a unit needs to be ranked, and the confidence of the bound
 * @param disclosure public figures: counts below the minimum are suppressed
 * @param export reports and exports: which run at once and which as background jobs, and how long files are kept
 */
@ConfigurationProperties("hcp.analytics")
record AnalyticsProperties(Rollup rollup, Ranking ranking, Disclosure disclosure, Export export) {

	/**
	 * @param every pause between two catch-up passes of the scheduled job
	 * @param batch changes taken per pass (a pass repeats until the queues are empty)
	 */
	record Rollup(Duration every, int batch) {
	}

	/**
	 * @param minimum units with fewer counted ratings in the period are listed as "not enough data", not ranked
	 * @param confidence the two-sided confidence of the Wilson lower bound, e.g. 0.95
	 */
	record Ranking(int minimum, double confidence) {
	}

	/** @param minimumCount figures counting fewer than this many are shown as suppressed on public pages */
	record Disclosure(int minimumCount) {
	}

	/**
	 * @param keep how long a finished export file is kept for download
	 * @param backgroundAbove ratings in the period above which an export runs as a background job
	 */
	record Export(Duration keep, long backgroundAbove) {
	}
}
