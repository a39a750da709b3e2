package org.hcp.analytics;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;

/**
 * A statistics period in China time: the days {@code [from, to)}. Written as {@code 2026} (year), {@code 2026Q3}
 * (quarter), {@code 2026-07} (month), {@code 2026-07-15} (day) or {@code 2026-07-01..2026-07-31} (a range, both ends
 * included as written). Ranges are at most {@value #MAX_DAYS} days.
 */
public record Period(LocalDate from, LocalDate to, Grain grain, String label) {

	public static final int MAX_DAYS = 3 * 366;

	private static final Pattern YEAR = Pattern.compile("(\\d{4})");
	private static final Pattern QUARTER = Pattern.compile("(\\d{4})[Qq]([1-4])");
	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
	private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

	public Period {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("empty period " + from + " .. " + to);
		}
	}

	public static Period year(int year) {
		return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), Grain.YEAR, Integer.toString(year));
	}

	public static Period quarter(int year, int quarter) {
		LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
		return new Period(from, from.plusMonths(3), Grain.QUARTER, year + "Q" + quarter);
	}

	public static Period month(YearMonth month) {
		return new Period(month.atDay(1), month.plusMonths(1).atDay(1), Grain.MONTH, month.toString());
	}

	public static Period day(LocalDate day) {
		return new Period(day, day.plusDays(1), Grain.DAY, day.toString());
	}

	/** A range of days, both ends included. */
	public static Period range(LocalDate first, LocalDate last) {
		return new Period(first, last.plusDays(1), Grain.RANGE, first + ".." + last);
	}

	/** Parses the written forms above; anything else is refused as a 400 on {@code field}. */
	public static Period parse(String field, String text) {
		if (text == null || text.isBlank()) {
			throw invalid(field, text);
		}
		String t = text.trim();
		try {
			Matcher m;
			if ((m = YEAR.matcher(t)).matches()) {
				return year(Integer.parseInt(m.group(1)));
			}
			if ((m = QUARTER.matcher(t)).matches()) {
				return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
			}
			if ((m = MONTH.matcher(t)).matches()) {
				return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
			}
			if (DAY.matcher(t).matches()) {
				return day(LocalDate.parse(t));
			}
			if ((m = RANGE.matcher(t)).matches()) {
				LocalDate first = LocalDate.parse(m.group(1));
				LocalDate last = LocalDate.parse(m.group(2));
				if (last.isBefore(first)) {
					throw HcpException.badRequest(field, "PERIOD_REVERSED", "统计期间的结束日期早于开始日期",
							"the period ends before it starts");
				}
				if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
					throw HcpException.badRequest(field, "PERIOD_TOO_LONG", "统计期间最长" + MAX_DAYS + "天",
							"a period is at most " + MAX_DAYS + " days");
				}
				return range(first, last);
			}
		}
		catch (DateTimeException e) {
			throw invalid(field, t);
		}
		throw invalid(field, t);
	}

	/** The period of the same grain just before this one (a range: the same number of days before it). */
	public Period previous() {
		return switch (grain) {
			case YEAR -> year(from.getYear() - 1);
			case QUARTER -> from.getMonthValue() == 1 ? quarter(from.getYear() - 1, 4)
					: quarter(from.getYear(), (from.getMonthValue() - 1) / 3);
			case MONTH -> month(YearMonth.from(from).minusMonths(1));
			case DAY -> day(from.minusDays(1));
			case RANGE -> range(from.minusDays(days()), from.minusDays(1));
		};
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to);
	}

	/** The first instant of the period (midnight China time). */
	public Instant start() {
		return ChinaTime.startOf(from);
	}

	/** The first instant after the period. */
	public Instant end() {
		return ChinaTime.startOf(to);
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(from) && day.isBefore(to);
	}

	@Override
	public String toString() {
		return label;
	}

	private static HcpException invalid(String field, String text) {
		return HcpException.badRequest(field, "PERIOD_INVALID",
				"统计期间应写作 2026、2026Q3、2026-07、2026-07-15 或 2026-07-01..2026-07-31",
				"a period is written 2026, 2026Q3, 2026-07, 2026-07-15 or 2026-07-01..2026-07-31");
	}
}
