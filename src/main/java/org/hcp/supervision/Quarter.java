package org.hcp.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;

/** A calendar quarter 季度 in China time, written {@code 2026Q3} ({@code 2026-Q3} and lower case are read too). */
public record Quarter(int year, int number) implements Comparable<Quarter> {

	private static final Pattern TEXT = Pattern.compile("(\\d{4})-?[Qq]([1-4])");

	public Quarter {
		if (year < 2000 || year > 2999 || number < 1 || number > 4) {
			throw HcpException.invalid("quarter", "BAD_QUARTER", "季度应写作如 2026Q3", "A quarter is written like 2026Q3");
		}
	}

	public static Quarter parse(String field, String text) {
		if (text == null || text.isBlank()) {
			throw HcpException.invalid(field, "REQUIRED", field + " 不能为空", field + " is required");
		}
		Matcher m = TEXT.matcher(text.trim());
		if (!m.matches()) {
			throw HcpException.invalid(field, "BAD_QUARTER", field + " 应写作如 2026Q3", field + " is written like 2026Q3");
		}
		return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
	}

	/** The quarter that holds this instant in China. */
	public static Quarter of(Instant instant) {
		LocalDate day = ChinaTime.dateOf(instant);
		return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
	}

	public LocalDate firstDay() {
		return LocalDate.of(year, (number - 1) * 3 + 1, 1);
	}

	/** The first instant of the quarter in China. */
	public Instant start() {
		return ChinaTime.startOf(firstDay());
	}

	/** The first instant after the quarter, in China. */
	public Instant end() {
		return ChinaTime.startOf(firstDay().plusMonths(3));
	}

	public Quarter previous() {
		return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
	}

	@Override
	public int compareTo(Quarter other) {
		return Integer.compare(year * 4 + number, other.year * 4 + other.number);
	}

	@Override
	public String toString() {
		return year + "Q" + number;
	}
}
