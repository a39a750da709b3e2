package org.hcp.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "calendar 工作日历")
class CalendarController {

	private final WorkingCalendar calendar;
	private final CalendarImport imports;
	private final Clock clock;

	CalendarController(WorkingCalendar calendar, CalendarImport imports, Clock clock) {
		this.calendar = calendar;
		this.imports = imports;
		this.clock = clock;
	}

	@GetMapping("/api/v1/calendar/years")
	Map<String, Object> years() {
		return Map.of("years", calendar.knownYears());
	}

	@GetMapping("/api/v1/calendar/days/{date}")
	Map<String, Object> day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		CalendarDay day = calendar.describe(date);
		return Map.of("date", date.toString(), "workingDay", calendar.isWorkingDay(date), "name", day.name());
	}

	@GetMapping("/api/v1/calendar/plus-working-days")
	@Operation(summary = "The N-th working day after a date (the next working day is day 1)")
	Map<String, Object> plus(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam int days) {
		LocalDate result = calendar.plusWorkingDays(from, WorkingDays.of(days));
		return Map.of("from", from.toString(), "days", days, "date", result.toString());
	}

	@PostMapping("/api/v1/admin/calendar/years")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import yearly holiday notices (holidays-cn.json format); replaces the years it contains")
	Map<String, List<Integer>> importYears(@RequestBody JsonNode notices) {
		return Map.of("imported", imports.importNotices(notices, clock.instant(), false));
	}
}
