package org.hcp.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hcp.shared.ChinaTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * China's working days: Monday–Friday, except statutory holidays, plus the announced weekend make-up days.
 * Deadlines in working days count from the next working day after the day of the event and end when the N-th
 * working day ends (domain §6.4, §13). A date in a year without data is refused, never guessed.
 */
@Service
public class WorkingCalendar {

	private final JdbcClient jdbc;
	private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(Set.of(), Map.of()));

	WorkingCalendar(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean isWorkingDay(LocalDate date) {
		Snapshot s = requireYear(date.getYear());
		CalendarDay exception = s.days.get(date);
		if (exception != null) {
			return !exception.offDay();
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** The N-th working day after {@code date} (the next working day is day 1); {@code date} itself for N = 0. */
	public LocalDate plusWorkingDays(LocalDate date, WorkingDays days) {
		LocalDate day = date;
		int counted = 0;
		while (counted < days.count()) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/**
	 * The instant a deadline of N working days after {@code event} has passed: the start of the day after the N-th
	 * working day, in China time. Anything strictly before it is in time.
	 */
	public Instant deadline(Instant event, WorkingDays days) {
		return ChinaTime.startOf(plusWorkingDays(ChinaTime.dateOf(event), days).plusDays(1));
	}

	public Set<Integer> knownYears() {
		return snapshot.get().years;
	}

	/**
	 * Re-reads the calendar from the database: after every import, and every ten minutes so that an import made on
	 * another instance of the application reaches this one too. Spring's scheduler, like the jobs, but on purpose
	 * without their cluster lock: every instance must refresh its own memory (ADR 0007).
	 */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
	public void reload() {
		Set<Integer> years = new TreeSet<>(jdbc.sql("select year from cal_year").query(Integer.class).list());
		Collection<CalendarDay> days = jdbc.sql("select day, off_day, name from cal_day")
			.query((rs, i) -> new CalendarDay(rs.getObject("day", LocalDate.class), rs.getBoolean("off_day"),
					rs.getString("name")))
			.list();
		load(years, days);
	}

	/** Replaces the calendar in memory with these years and exception days. */
	void load(Collection<Integer> years, Collection<CalendarDay> days) {
		snapshot.set(new Snapshot(Set.copyOf(years),
				days.stream().collect(Collectors.toUnmodifiableMap(CalendarDay::date, Function.identity()))));
	}

	public CalendarDay describe(LocalDate date) {
		CalendarDay exception = requireYear(date.getYear()).days.get(date);
		return exception != null ? exception : new CalendarDay(date, !isWorkingDay(date), "");
	}

	private Snapshot requireYear(int year) {
		Snapshot s = snapshot.get();
		if (!s.years.contains(year)) {
			throw new CalendarYearMissing(year);
		}
		return s;
	}

	private record Snapshot(Set<Integer> years, Map<LocalDate, CalendarDay> days) {
	}
}
