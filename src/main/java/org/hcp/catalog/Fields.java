package org.hcp.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;

import tools.jackson.databind.JsonNode;

/**
 * The fields of one JSON body or one CSV line, read with rules. Problems and references to other catalog rows are
 * collected rather than thrown, so a CSV import can report every bad line at once; field names carry the line
 * ({@code line 3: regionCode}).
 */
final class Fields {

	private final Map<String, String> values;
	private final int line;
	private final String prefix;
	private final List<FieldProblem> problems = new ArrayList<>();
	private final List<Reference> references = new ArrayList<>();

	/** A code this record names in another catalog table, which must exist. */
	record Reference(String field, CatalogTable target, String code) {
	}

	private Fields(Map<String, String> values, int line) {
		this.values = values;
		this.line = line;
		this.prefix = line == 0 ? "" : "line " + line + ": ";
	}

	/**
	 * NUL and other control characters (but tab and line breaks) are refused, never stripped: {@code trim()} would
	 * silently drop them at the ends, and PostgreSQL cannot store a NUL inside text.
	 */
	private Fields refuseControlCharacters(List<String> order) {
		for (String name : order) {
			String value = values.get(name);
			if (value != null && value.chars().anyMatch(Fields::isForbidden)) {
				problem(name, "含有不允许的控制字符（如NUL）", "contains a control character (such as NUL) that is not allowed");
			}
		}
		return this;
	}

	private static boolean isForbidden(int c) {
		return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
	}

	static Fields ofJson(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw HcpException.badRequest("body", "BODY_NOT_OBJECT", "请求体应为JSON对象", "The body must be a JSON object");
		}
		Map<String, String> values = new HashMap<>();
		Fields fields = new Fields(values, 0);
		for (Map.Entry<String, JsonNode> entry : body.properties()) {
			JsonNode value = entry.getValue();
			if (value.isContainer()) {
				fields.problem(entry.getKey(), "应为单个值", "must be a single value");
			}
			values.put(entry.getKey(), value.isNull() || value.isContainer() ? null : value.asString());
		}
		return fields.refuseControlCharacters(List.copyOf(values.keySet()));
	}

	/** One CSV line; the header names the fields. Cells beyond the header are a problem of the line. */
	static Fields ofCsv(CsvReader.Line line, List<String> header) {
		Map<String, String> values = new HashMap<>();
		Fields fields = new Fields(values, line.number());
		for (int i = 0; i < line.cells().size(); i++) {
			if (i < header.size()) {
				values.put(header.get(i), line.cells().get(i));
			}
			else if (!line.cells().get(i).isBlank()) {
				fields.problem("columns", "字段数多于表头", "more values than header columns");
			}
		}
		return fields.refuseControlCharacters(header.subList(0, Math.min(header.size(), line.cells().size())));
	}

	/** Query parameters, e.g. list filters. */
	static Fields ofParams(Map<String, String> params) {
		return new Fields(new HashMap<>(params), 0);
	}

	/** The CSV line these fields come from, 0 for a JSON body. */
	int line() {
		return line;
	}

	/** Whether the field was sent at all (a JSON key, a CSV column); a sent empty value clears it. */
	boolean has(String name) {
		return values.containsKey(name);
	}

	/** The trimmed value; blank counts as absent. */
	String raw(String name) {
		String value = values.get(name);
		return value == null || value.isBlank() ? null : value.trim();
	}

	String text(String name, int max, boolean required) {
		String value = raw(name);
		if (value == null) {
			return required ? missing(name) : null;
		}
		if (value.codePointCount(0, value.length()) > max) {
			problem(name, "不能超过" + max + "个字符", "must be at most " + max + " characters");
			return null;
		}
		return value;
	}

	/** A code of letters, digits and the given extra characters, 1 to max long. */
	String code(String name, int max, String extra, boolean required) {
		String value = raw(name);
		if (value == null) {
			return required ? missing(name) : null;
		}
		if (value.length() > max || !value.matches("[0-9A-Za-z" + extra + "]+")) {
			String allowed = extra.isEmpty() ? "" : "及 " + extra.replace("\\", "");
			problem(name, "应为不超过" + max + "位的字母、数字" + allowed,
					"must be 1 to " + max + " letters or digits" + (extra.isEmpty() ? "" : " or " + extra.replace("\\", "")));
			return null;
		}
		return value;
	}

	RegionCode region(String name, boolean required) {
		String value = raw(name);
		if (value == null) {
			return required ? missing(name) : null;
		}
		try {
			return RegionCode.parse(name, value);
		}
		catch (HcpException e) {
			problem(name, "应为12位行政区划代码（6位代码补零）", "must be a 12-digit region code (6-digit codes are padded)");
			return null;
		}
	}

	Integer integer(String name, int min, int max, boolean required) {
		String value = raw(name);
		if (value == null) {
			return required ? missing(name) : null;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ignored) {
			// reported below
		}
		problem(name, "应为" + min + "到" + max + "之间的整数", "must be an integer from " + min + " to " + max);
		return null;
	}

	boolean bool(String name, boolean absent) {
		String value = raw(name);
		if (value == null) {
			return absent;
		}
		if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
			problem(name, "应为 true 或 false", "must be true or false");
			return absent;
		}
		return Boolean.parseBoolean(value);
	}

	String oneOf(String name, Set<String> allowed, boolean required) {
		String value = raw(name);
		if (value == null) {
			return required ? missing(name) : null;
		}
		if (!allowed.contains(value)) {
			String list = String.join(", ", allowed.stream().sorted().toList());
			problem(name, "应为以下之一：" + list, "must be one of: " + list);
			return null;
		}
		return value;
	}

	/** Records that the value names a row of another table; null names nothing. Returns the code. */
	String refer(String name, CatalogTable target, String code) {
		if (code != null) {
			references.add(new Reference(field(name), target, code));
		}
		return code;
	}

	void problem(String name, String zh, String en) {
		problems.add(FieldProblem.of(field(name), zh, en));
	}

	String field(String name) {
		return prefix + name;
	}

	List<FieldProblem> problems() {
		return problems;
	}

	List<Reference> references() {
		return references;
	}

	/** Throws every collected problem as one 422. */
	void check() {
		if (!problems.isEmpty()) {
			throw HcpException.invalid("INVALID_FIELDS", problems);
		}
	}

	private <T> T missing(String name) {
		problem(name, "不能为空", "is required");
		return null;
	}
}
