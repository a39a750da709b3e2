package org.hcp.calendar;

import java.time.Clock;
import java.time.LocalDate;

import org.hcp.shared.ChinaTime;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports the years the calendar knows. From 1 December on, a missing next year is shown as a warning: deadlines
 * that reach into it would be refused.
 */
@Component("calendar")
class CalendarHealth implements HealthIndicator {

	private final WorkingCalendar calendar;
	private final Clock clock;

	CalendarHealth(WorkingCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public Health health() {
		LocalDate today = ChinaTime.dateOf(clock.instant());
		Health.Builder health = Health.up().withDetail("knownYears", calendar.knownYears());
		String warning = warning(today);
		return warning == null ? health.build() : health.withDetail("warning", warning).build();
	}

	String warning(LocalDate today) {
		int next = today.getYear() + 1;
		if (!calendar.knownYears().contains(today.getYear())) {
			return "当前年份 " + today.getYear() + " 的节假日安排未导入 / this year's holiday notice is missing";
		}
		if (today.getMonthValue() == 12 && !calendar.knownYears().contains(next)) {
			return next + "年节假日安排尚未导入，请在发布后及时导入 / the " + next + " holiday notice has not been imported yet";
		}
		return null;
	}
}
