package org.hcp.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.json.JsonMapper;

/** The calendar rules of domain.md §6.4 and §13, on the bundled 2019–2026 notices. */
class WorkingCalendarTests {

	static final WorkingCalendar calendar = new WorkingCalendar(null);

	@BeforeAll
	static void loadBundledNotices() throws Exception {
		try (InputStream in = new ClassPathResource("calendar/holidays-cn.json").getInputStream()) {
			Map<Integer, CalendarImport.YearNotice> years = CalendarImport.parse(JsonMapper.builder().build().readTree(in));
			calendar.load(years.keySet(), years.values().stream().flatMap(y -> y.days().stream()).toList());
		}
	}

	@Test
	void a_plain_weekday_is_a_working_day_and_a_plain_weekend_is_not() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 20))).isTrue(); // Friday
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse(); // Saturday
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 22))).isFalse(); // Sunday
	}

	@Test
	void a_statutory_holiday_on_a_weekday_is_not_a_working_day() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
	}

	@Test
	void a_make_up_saturday_or_sunday_is_a_working_day() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue(); // Saturday 国庆 make-up
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue(); // Sunday 国庆 make-up
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue(); // Saturday 春节 make-up
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue(); // Sunday 元旦 make-up
	}

	@Test
	void counting_starts_on_the_next_working_day_after_the_event() {
		// domain §13: received Wed 2026-09-30, 1 working day → due by the end of Thu 2026-10-08
		assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), WorkingDays.of(1))).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 11, 20), WorkingDays.of(1))).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 11, 20), WorkingDays.of(0))).isEqualTo(LocalDate.of(2026, 11, 20));
	}

	@Test
	void four_working_days_from_the_reminder_count_the_make_up_saturday() {
		// domain §6.4: reminder Fri Oct 9 → Sat Oct 10, Mon 12, Tue 13, Wed 14
		assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 10, 9), WorkingDays.of(4))).isEqualTo(LocalDate.of(2026, 10, 14));
	}

	@Test
	void a_deadline_ends_when_the_last_working_day_ends_in_china_time() {
		Instant event = OffsetDateTime.parse("2026-09-30T23:30:00+08:00").toInstant();
		Instant deadline = calendar.deadline(event, WorkingDays.of(1));
		assertThat(deadline).isEqualTo(OffsetDateTime.parse("2026-10-09T00:00:00+08:00").toInstant());
		assertThat(ChinaTime.dateOf(deadline.minusNanos(1))).isEqualTo(LocalDate.of(2026, 10, 8));
	}

	@Test
	void an_event_late_in_the_evening_utc_counts_from_its_china_date() {
		// 2026-09-30T17:00Z is already Oct 1 in China: the next working day after Oct 1 is Oct 8 too
		Instant event = Instant.parse("2026-09-30T17:00:00Z");
		assertThat(calendar.deadline(event, WorkingDays.of(1))).isEqualTo(OffsetDateTime.parse("2026-10-09T00:00:00+08:00").toInstant());
	}

	@Test
	void the_new_year_holiday_of_a_notice_may_reach_into_the_previous_december() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2022, 12, 31))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2023, 1, 2))).isFalse();
	}

	@Test
	void a_year_without_data_fails_loudly() {
		assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2027, 3, 1)))
			.isInstanceOf(CalendarYearMissing.class)
			.hasMessageContaining("2027");
		assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2026, 12, 25), WorkingDays.of(10)))
			.isInstanceOf(CalendarYearMissing.class);
	}

	@Test
	void a_make_up_working_day_on_a_weekday_is_refused_on_import() {
		var doc = JsonMapper.builder().build().readTree("""
				{"year": 2027, "days": [{"date": "2027-01-04", "isOffDay": false, "name": "元旦"}]}""");
		assertThatThrownBy(() -> CalendarImport.parse(doc))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.fields()).extracting("field")
				.containsExactly("days[0].isOffDay"));
	}

	@Test
	void a_notice_with_a_date_of_another_year_is_refused_naming_the_day() {
		var doc = JsonMapper.builder().build().readTree("""
				{"year": 2027, "days": [{"date": "2027-10-01", "isOffDay": true, "name": "国庆节"},
				                        {"date": "2028-01-01", "isOffDay": true, "name": "元旦"}]}""");
		assertThatThrownBy(() -> CalendarImport.parse(doc))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.fields()).extracting("field")
				.containsExactly("days[1].date"));
	}

	@Test
	void health_warns_from_december_when_next_year_is_missing() {
		CalendarHealth health = new CalendarHealth(calendar, null);
		assertThat(health.warning(LocalDate.of(2026, 11, 30))).isNull();
		assertThat(health.warning(LocalDate.of(2026, 12, 1))).contains("2027");
		assertThat(health.warning(LocalDate.of(2025, 12, 1))).isNull();
	}
}
