package org.hcp.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * At start-up, adds every year of the bundled notices (2019–2026) that the database does not have yet. Years an
 * administrator imported or edited are left as they are.
 */
@Component
class BundledCalendar {

	private static final Logger log = LoggerFactory.getLogger(BundledCalendar.class);

	private final CalendarImport imports;
	private final WorkingCalendar calendar;
	private final JsonMapper json;
	private final Clock clock;

	BundledCalendar(CalendarImport imports, WorkingCalendar calendar, JsonMapper json, Clock clock) {
		this.imports = imports;
		this.calendar = calendar;
		this.json = json;
		this.clock = clock;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(0)
	void seed() {
		try (InputStream in = new ClassPathResource("calendar/holidays-cn.json").getInputStream()) {
			List<Integer> added = imports.importNotices(json.readTree(in), clock.instant(), true);
			if (!added.isEmpty()) {
				log.info("Working-day calendar: imported bundled years {}", added);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("The bundled holiday notices cannot be read", e);
		}
		calendar.reload();
	}
}
