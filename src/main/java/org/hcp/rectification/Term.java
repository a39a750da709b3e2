package org.hcp.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.hcp.calendar.WorkingCalendar;
import org.hcp.calendar.WorkingDays;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;

/**
 * A time allowed for a step, in working days 工作日 or natural days 自然日, written as in the configuration:
 * {@code 10 WORKING_DAYS}, {@code 15 NATURAL_DAYS}. Both count from the day after the event and end when the last
 * day ends, in China time (domain §13).
 */
record Term(int amount, Unit unit) {

	enum Unit {
		WORKING_DAYS, NATURAL_DAYS
	}

	Term {
		if (amount < 0 || unit == null) {
			throw new IllegalArgumentException("A term is a non-negative number of WORKING_DAYS or NATURAL_DAYS");
		}
	}

	/** Reads {@code "10 WORKING_DAYS"} (Spring binds configuration values through this). */
	static Term valueOf(String text) {
		String[] parts = text == null ? new String[0] : text.trim().split("\\s+");
		if (parts.length != 2) {
			throw new IllegalArgumentException("A term is written as '10 WORKING_DAYS' or '15 NATURAL_DAYS': " + text);
		}
		return new Term(Integer.parseInt(parts[0]), Unit.valueOf(parts[1].toUpperCase(Locale.ROOT)));
	}

	static Term workingDays(int amount) {
		return new Term(amount, Unit.WORKING_DAYS);
	}

	static Term naturalDays(int amount) {
		return new Term(amount, Unit.NATURAL_DAYS);
	}

	/** The last day in time for an event on {@code day}. */
	LocalDate lastDay(LocalDate day, WorkingCalendar calendar) {
		return unit == Unit.WORKING_DAYS ? calendar.plusWorkingDays(day, WorkingDays.of(amount)) : day.plusDays(amount);
	}

	/** The instant this term after {@code event} has passed: the start of the day after its last day. */
	Instant after(Instant event, WorkingCalendar calendar) {
		return ChinaTime.startOf(lastDay(ChinaTime.dateOf(event), calendar).plusDays(1));
	}

	/** A term in a request body's words, refused with 422 when it is not one. */
	static Term parse(String field, String text) {
		try {
			return valueOf(text);
		}
		catch (IllegalArgumentException e) {
			throw HcpException.invalid(field, "BAD_TERM", field + " 应写作“10 WORKING_DAYS”或“15 NATURAL_DAYS”",
					field + " is written as '10 WORKING_DAYS' or '15 NATURAL_DAYS'");
		}
	}

	@Override
	public String toString() {
		return amount + " " + unit;
	}
}
