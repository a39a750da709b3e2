package org.hcp.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.json.JsonMapper;

/** The working calendar of the bundled 2019–2026 notices, without a database: for unit tests of deadline rules. */
public final class BundledCalendarFixture {

	private static WorkingCalendar calendar;

	private BundledCalendarFixture() {
	}

	public static synchronized WorkingCalendar calendar() {
		if (calendar == null) {
			WorkingCalendar loaded = new WorkingCalendar(null);
			try (InputStream in = new ClassPathResource("calendar/holidays-cn.json").getInputStream()) {
				Map<Integer, CalendarImport.YearNotice> years = CalendarImport.parse(JsonMapper.builder().build().readTree(in));
				loaded.load(years.keySet(), years.values().stream().flatMap(y -> y.days().stream()).toList());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			calendar = loaded;
		}
		return calendar;
	}
}
