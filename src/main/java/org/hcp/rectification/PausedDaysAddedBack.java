package org.hcp.rectification;

import java.time.Instant;
import java.time.LocalDate;

import org.hcp.calendar.WorkingCalendar;
import org.hcp.calendar.WorkingDays;
import org.hcp.shared.ChinaTime;

/**
 * 申诉期间时限暂停 (domain §8, ADR 0015): while an appeal is pending the deadline does not run; when it is rejected the
 * deadline moves by the days it was paused — the working days (or, for a term in natural days, the days) after the
 * day the appeal was filed, up to and including the day it was decided. Paused and resumed on the same day: nothing
 * moves.
 */
final class PausedDaysAddedBack {

	private PausedDaysAddedBack() {
	}

	/** How many days were paused, counted as the term of the step counts. */
	static int pausedDays(Instant pausedAt, Instant resumedAt, Term.Unit unit, WorkingCalendar calendar) {
		LocalDate from = ChinaTime.dateOf(pausedAt);
		LocalDate to = ChinaTime.dateOf(resumedAt);
		int days = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (unit == Term.Unit.NATURAL_DAYS || calendar.isWorkingDay(d)) {
				days++;
			}
		}
		return days;
	}

	/** The deadline with the paused days added back. */
	static Instant moved(Instant deadline, Instant pausedAt, Instant resumedAt, Term.Unit unit, WorkingCalendar calendar) {
		int days = pausedDays(pausedAt, resumedAt, unit, calendar);
		if (days == 0) {
			return deadline;
		}
		LocalDate lastDay = ChinaTime.dateOf(deadline).minusDays(1);
		LocalDate moved = unit == Term.Unit.NATURAL_DAYS ? lastDay.plusDays(days)
				: calendar.plusWorkingDays(lastDay, WorkingDays.of(days));
		return ChinaTime.startOf(moved.plusDays(1));
	}
}
