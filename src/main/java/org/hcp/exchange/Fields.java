package org.hcp.exchange;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;

import tools.jackson.databind.JsonNode;

/** Reads the fields of one exchange record; numbers may arrive as JSON numbers or strings. */
final class Fields {

	private static final Pattern ALPHANUMERIC = Pattern.compile("[0-9A-Za-z]+");

	private final JsonNode node;

	Fields(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw HcpException.invalid("record", "NOT_AN_OBJECT", "每条记录应为JSON对象", "each record must be a JSON object");
		}
		this.node = node;
	}

	/** The text of a field, trimmed; null when absent or blank. */
	String text(String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isContainer()) {
			throw HcpException.invalid(field, "BAD_FIELD", field + " 应为文本或数字", field + " must be text or a number");
		}
		String raw = value.asString();
		// checked before trim(), which would silently drop a NUL at either end
		if (raw.indexOf('\u0000') >= 0) {
			throw HcpException.invalid(field, "BAD_CHARACTER", field + " 含有不允许的控制字符", field + " contains a control character");
		}
		String text = raw.trim();
		return text.isEmpty() ? null : text;
	}

	String required(String field, int max) {
		String text = text(field);
		if (text == null) {
			throw HcpException.invalid(field, "REQUIRED", field + " 不能为空", field + " is required");
		}
		return max(field, text, max);
	}

	String optional(String field, int max) {
		String text = text(field);
		return text == null ? null : max(field, text, max);
	}

	/**
	 * A catalog code that becomes part of a URL when registered (e.g. {@code /api/v1/catalog/items/{code}}): 1 to
	 * {@code max} ASCII letters or digits, like the catalog's own codes.
	 */
	String code(String field, int max) {
		String text = required(field, max);
		if (!ALPHANUMERIC.matcher(text).matches()) {
			throw HcpException.invalid(field, "BAD_CODE", field + " 应为不超过" + max + "位的字母或数字",
					field + " must be 1 to " + max + " letters or digits");
		}
		return text;
	}

	/** An integer field restricted to the allowed values; {@code fallback} when absent (null = required). */
	int code(String field, Integer fallback, List<Integer> allowed) {
		String text = text(field);
		if (text == null) {
			if (fallback == null) {
				throw HcpException.invalid(field, "REQUIRED", field + " 不能为空", field + " is required");
			}
			return fallback;
		}
		try {
			int value = Integer.parseInt(text);
			if (allowed.isEmpty() || allowed.contains(value)) {
				return value;
			}
		}
		catch (NumberFormatException ignored) {
			// reported below
		}
		String list = allowed.isEmpty() ? "正整数 / a positive integer" : allowed.toString();
		throw HcpException.invalid(field, "BAD_CODE", field + " 取值应为 " + list, field + " must be one of " + list);
	}

	int positive(String field) {
		int value = code(field, null, List.of());
		if (value < 1) {
			throw HcpException.invalid(field, "BAD_CODE", field + " 应为正整数", field + " must be a positive integer");
		}
		return value;
	}

	/** A boolean field, true or false (also as text or 1/0); {@code fallback} when absent. */
	boolean bool(String field, boolean fallback) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return fallback;
		}
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		String text = text(field);
		if (text == null) {
			return fallback;
		}
		return switch (text) {
			case "true", "1" -> true;
			case "false", "0" -> false;
			default -> throw HcpException.invalid(field, "BAD_CODE", field + " 应为 true 或 false",
					field + " must be true or false");
		};
	}

	Instant time(String field) {
		return ChinaTime.parse(field, text(field));
	}

	private static String max(String field, String text, int max) {
		if (text.length() > max) {
			throw HcpException.invalid(field, "TOO_LONG", field + " 长度不能超过 " + max, field + " is longer than " + max);
		}
		return text;
	}
}
