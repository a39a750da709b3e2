package org.hcp.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Days, deadlines and exchange timestamps are read in China Standard Time, whatever the server's zone. */
public final class ChinaTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** The exchange format's timestamp: {@code yyyy-MM-dd HH:mm:ss} in China time. */
	public static final DateTimeFormatter EXCHANGE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private ChinaTime() {
	}

	public static LocalDate dateOf(Instant instant) {
		return instant.atZone(ZONE).toLocalDate();
	}

	/** The first instant of the given day in China: where an end-of-day deadline stops. */
	public static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZONE).toInstant();
	}

	public static String format(Instant instant) {
		return instant == null ? null : EXCHANGE.format(instant.atZone(ZONE));
	}

	/** Parses an exchange timestamp, naming the field when it is malformed. */
	public static Instant parse(String field, String text) {
		if (text == null || text.isBlank()) {
			throw HcpException.invalid(field, "REQUIRED", field + " 不能为空", field + " is required");
		}
		try {
			String t = text.trim();
			LocalDateTime plain = plainDigits(t);
			return (plain != null ? plain : LocalDateTime.parse(t, EXCHANGE)).atZone(ZONE).toInstant();
		}
		catch (DateTimeParseException e) {
			throw HcpException.invalid(field, "BAD_TIME_FORMAT", field + " 应为 yyyy-MM-dd HH:mm:ss 格式的北京时间",
					field + " must be China time in the form yyyy-MM-dd HH:mm:ss");
		}
	}

	/**
	 * The common case read without the formatter (a tenth of the service intake's time went to it): exactly
	 * {@code yyyy-MM-dd HH:mm:ss} in ASCII digits forming a valid date and time. Anything else — including a day the
	 * formatter's smart resolution would adjust — is left to the formatter, so the outcome is the formatter's.
	 */
	private static LocalDateTime plainDigits(String t) {
		if (t.length() != 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != ' ' || t.charAt(13) != ':'
				|| t.charAt(16) != ':') {
			return null;
		}
		int year = digits(t, 0, 4), month = digits(t, 5, 7), day = digits(t, 8, 10), hour = digits(t, 11, 13),
				minute = digits(t, 14, 16), second = digits(t, 17, 19);
		if (year < 1 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23 || minute < 0
				|| minute > 59 || second < 0 || second > 59) {
			return null;
		}
		return LocalDateTime.of(year, month, day, hour, minute, second);
	}

	/** The number written in ASCII digits from {@code from} to {@code to}; -1 when any other character is there. */
	private static int digits(String t, int from, int to) {
		int n = 0;
		for (int i = from; i < to; i++) {
			char c = t.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			n = n * 10 + (c - '0');
		}
		return n;
	}
}
