package org.hcp.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One figure: a count ({@code value}), or a rate with the two counts it is made of. A rate whose denominator is 0 has
 * no value ("—"), never 0 % or 100 %.
 */
public record Figure(Metric metric, long numerator, Long denominator) {

	public static Figure count(Metric metric, long value) {
		return new Figure(metric, value, null);
	}

	public static Figure rate(Metric metric, long numerator, long denominator) {
		return new Figure(metric, numerator, denominator);
	}

	/** The count of a count figure, the numerator of a rate. */
	public long value() {
		return numerator;
	}

	/** The rate as a fraction 0…1 with 6 decimals, empty when there is nothing to divide by. */
	public Optional<BigDecimal> rate() {
		if (denominator == null || denominator == 0) {
			return Optional.empty();
		}
		long above = metric.isComplement() ? denominator - numerator : numerator;
		return Optional.of(BigDecimal.valueOf(above).divide(BigDecimal.valueOf(denominator), 6, RoundingMode.HALF_UP));
	}

	/** The rate as a percentage with two decimals ("95.12 %"), or "—". */
	public String percent() {
		return percent(rate().orElse(null));
	}

	/**
	 * A fraction 0…1 as every screen, export and report shows it: a percentage with two decimals, rounded half up
	 * ("95.12 %"); "—" for none.
	 */
	public static String percent(BigDecimal fraction) {
		return fraction == null ? "—" : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
	}
}
