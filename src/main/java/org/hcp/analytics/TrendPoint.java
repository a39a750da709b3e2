package org.hcp.analytics;

import java.time.LocalDate;

/** One step of a trend: the counted ratings of a day (or, for long periods, the month starting that day). */
public record TrendPoint(LocalDate from, long evaluations, long good, long bad) {
}
