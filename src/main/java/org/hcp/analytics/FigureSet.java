package org.hcp.analytics;

import java.time.Instant;
import java.util.Map;

/** Every {@link Metric} for one subject and period, as of the rollups' last update ({@code asOf}). */
public record FigureSet(Subject subject, String subjectName, Period period, Instant asOf, Map<Metric, Figure> figures) {

	public Figure get(Metric metric) {
		return figures.get(metric);
	}

	public long count(Metric metric) {
		return figures.get(metric).value();
	}
}
