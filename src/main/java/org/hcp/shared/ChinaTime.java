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
			return LocalDateTime.parse(text.trim(), EXCHANGE).atZone(ZONE).toInstant();
		}
		catch (DateTimeParseException e) {
			throw HcpException.invalid(field, "BAD_TIME_FORMAT", field + " 应为 yyyy-MM-dd HH:mm:ss 格式的北京时间",
					field + " must be China time in the form yyyy-MM-dd HH:mm:ss");
		}
	}
}
