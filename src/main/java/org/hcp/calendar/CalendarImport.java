package org.hcp.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Imports yearly holiday notices in the format of {@code holidays-cn.json}: either the whole file
 * ({@code {"years": {"2027": {"notice": …, "days": [...]}}}}) or one year ({@code {"year": 2027, "notice": …,
 * "days": [...]}}). Each day is {@code {"date", "isOffDay", "name"}}. An imported year replaces what was stored
 * for it; a notice with any bad day is refused whole.
 */
@Service
public class CalendarImport {

	private final JdbcClient jdbc;
	private final WorkingCalendar calendar;

	CalendarImport(JdbcClient jdbc, WorkingCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	/** Parses and checks every year in the document; stores them all or nothing. */
	@Transactional
	public List<Integer> importNotices(JsonNode document, Instant now, boolean onlyMissing) {
		Map<Integer, YearNotice> years = parse(document);
		Set<Integer> known = new HashSet<>(jdbc.sql("select year from cal_year").query(Integer.class).list());
		List<Integer> imported = new ArrayList<>();
		for (YearNotice notice : years.values()) {
			if (onlyMissing && known.contains(notice.year)) {
				continue;
			}
			store(notice, now);
			imported.add(notice.year);
		}
		afterCommit();
		return imported;
	}

	private void afterCommit() {
		org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
				new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCommit() {
						calendar.reload();
					}
				});
	}

	private void store(YearNotice notice, Instant now) {
		jdbc.sql("delete from cal_year where year = :year").param("year", notice.year).update();
		jdbc.sql("insert into cal_year(year, notice, imported_at) values (:year, :notice, :now)")
			.param("year", notice.year)
			.param("notice", notice.notice)
			.param("now", java.sql.Timestamp.from(now))
			.update();
		for (CalendarDay day : notice.days) {
			jdbc.sql("""
					insert into cal_day(day, year, off_day, name) values (:day, :year, :off, :name)
					on conflict (day) do update set year = excluded.year, off_day = excluded.off_day, name = excluded.name""")
				.param("day", day.date())
				.param("year", notice.year)
				.param("off", day.offDay())
				.param("name", day.name())
				.update();
		}
	}

	static Map<Integer, YearNotice> parse(JsonNode document) {
		if (document == null || !document.isObject()) {
			throw HcpException.invalid("body", "BAD_CALENDAR", "请求体应为节假日安排JSON对象",
					"The body must be a holiday-notice JSON object");
		}
		Map<Integer, YearNotice> years = new TreeMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		if (document.has("years")) {
			for (Map.Entry<String, JsonNode> entry : document.get("years").properties()) {
				Integer year = parseYear("years." + entry.getKey(), entry.getKey(), problems);
				if (year != null) {
					years.put(year, parseYear("years." + entry.getKey(), year, entry.getValue(), problems));
				}
			}
		}
		else {
			JsonNode yearNode = document.get("year");
			Integer year = yearNode == null ? null : parseYear("year", yearNode.asString(), problems);
			if (yearNode == null) {
				problems.add(FieldProblem.of("year", "缺少年份", "year is required"));
			}
			if (year != null) {
				years.put(year, parseYear("", year, document, problems));
			}
		}
		if (years.isEmpty() && problems.isEmpty()) {
			problems.add(FieldProblem.of("years", "没有任何年份的数据", "no year in the document"));
		}
		if (!problems.isEmpty()) {
			throw HcpException.invalid("BAD_CALENDAR", problems);
		}
		return years;
	}

	private static Integer parseYear(String field, String text, List<FieldProblem> problems) {
		try {
			int year = Integer.parseInt(text.trim());
			if (year >= 1949 && year <= 2200) {
				return year;
			}
		}
		catch (NumberFormatException ignored) {
			// reported below
		}
		problems.add(FieldProblem.of(field, "年份应为四位数字", "the year must have four digits"));
		return null;
	}

	private static YearNotice parseYear(String prefix, int year, JsonNode node, List<FieldProblem> problems) {
		String at = prefix.isEmpty() ? "" : prefix + ".";
		String notice = node.has("notice") ? node.get("notice").asString() : "";
		if (notice.isBlank()) {
			notice = year + "年节假日安排";
		}
		JsonNode days = node.get("days");
		List<CalendarDay> parsed = new ArrayList<>();
		if (days == null || !days.isArray()) {
			problems.add(FieldProblem.of(at + "days", "缺少日期列表", "days must be an array"));
			return new YearNotice(year, notice, parsed);
		}
		Set<LocalDate> seen = new HashSet<>();
		for (int i = 0; i < days.size(); i++) {
			CalendarDay day = parseDay(at + "days[" + i + "]", year, days.get(i), problems);
			if (day != null && !seen.add(day.date())) {
				problems.add(FieldProblem.of(at + "days[" + i + "].date", "日期重复", "the date appears twice"));
			}
			else if (day != null) {
				parsed.add(day);
			}
		}
		return new YearNotice(year, notice.length() > 300 ? notice.substring(0, 300) : notice, parsed);
	}

	private static CalendarDay parseDay(String field, int year, JsonNode node, List<FieldProblem> problems) {
		if (node == null || !node.isObject()) {
			problems.add(FieldProblem.of(field, "应为对象 {date, isOffDay, name}", "must be an object {date, isOffDay, name}"));
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(node.path("date").asString(""));
		}
		catch (DateTimeParseException e) {
			problems.add(FieldProblem.of(field + ".date", "日期应为 yyyy-MM-dd", "date must be yyyy-MM-dd"));
			return null;
		}
		if (!belongsToNotice(date, year)) {
			problems.add(FieldProblem.of(field + ".date", "日期不属于" + year + "年（年初元旦假期可含上年12月）",
					"the date is not in " + year + " (only a New Year holiday may reach into the previous December)"));
			return null;
		}
		JsonNode off = node.get("isOffDay");
		if (off == null || !off.isBoolean()) {
			problems.add(FieldProblem.of(field + ".isOffDay", "应为 true 或 false", "must be true or false"));
			return null;
		}
		boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
		if (!off.booleanValue() && !weekend) {
			problems.add(FieldProblem.of(field + ".isOffDay", "调休上班日应为周六或周日",
					"a make-up working day must be a Saturday or Sunday"));
			return null;
		}
		String name = node.path("name").asString("").trim();
		if (name.isEmpty() || name.length() > 50) {
			problems.add(FieldProblem.of(field + ".name", "节日名称不能为空且不超过50字", "name is required, at most 50 characters"));
			return null;
		}
		return new CalendarDay(date, off.booleanValue(), name);
	}

	/** A notice covers its year; its 元旦 arrangement may reach back into the previous December. */
	private static boolean belongsToNotice(LocalDate date, int year) {
		return date.getYear() == year || (date.getYear() == year - 1 && date.getMonthValue() == 12);
	}

	record YearNotice(int year, String notice, List<CalendarDay> days) {
	}
}
