package org.hcp.analytics;

import java.util.EnumMap;
import java.util.Map;

/** Turns the counts of one subject into every {@link Metric}'s {@link Figure}: counts as they are, rates from two counts. */
final class MetricFigures {

	private MetricFigures() {
	}

	static Map<Metric, Figure> of(Map<Metric, Long> counts) {
		Map<Metric, Figure> figures = new EnumMap<>(Metric.class);
		for (Metric metric : Metric.values()) {
			if (metric.isRate()) {
				figures.put(metric, Figure.rate(metric, count(counts, metric.numerator()), count(counts, metric.denominator())));
			}
			else {
				figures.put(metric, Figure.count(metric, count(counts, metric)));
			}
		}
		return figures;
	}

	private static long count(Map<Metric, Long> counts, Metric metric) {
		return counts.getOrDefault(metric, 0L);
	}
}
