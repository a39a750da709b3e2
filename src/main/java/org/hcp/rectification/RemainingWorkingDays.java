package org.hcp.rectification;

import java.time.Instant;
import java.time.LocalDate;

import org.hcp.calendar.CalendarYearMissing;
import org.hcp.calendar.WorkingCalendar;
import org.hcp.shared.ChinaTime;

/**
 * The working days left before a deadline (台账 剩余工作日): the working days from today up to and including the
 * deadline's last day; once it has passed, minus the working days since. Null when there is no deadline or the
 * calendar lacks the year.
 */
final class RemainingWorkingDays {

	private static final int LIMIT = 400;

	private RemainingWorkingDays() {
	}

	static Integer of(Instant deadline, Instant now, WorkingCalendar calendar) {
		if (deadline == null) {
			return null;
		}
		try {
			LocalDate today = ChinaTime.dateOf(now);
			LocalDate lastDay = ChinaTime.dateOf(deadline).minusDays(1);
			int days = 0;
			if (!today.isAfter(lastDay)) {
				for (LocalDate d = today; !d.isAfter(lastDay) && days < LIMIT; d = d.plusDays(1)) {
					days += calendar.isWorkingDay(d) ? 1 : 0;
				}
				return days;
			}
			for (LocalDate d = lastDay.plusDays(1); !d.isAfter(today) && days < LIMIT; d = d.plusDays(1)) {
				days += calendar.isWorkingDay(d) ? 1 : 0;
			}
			return -days;
		}
		catch (CalendarYearMissing e) {
			return null;
		}
	}
}
