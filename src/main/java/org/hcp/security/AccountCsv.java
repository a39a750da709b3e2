package org.hcp.security;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;

/**
 * The CSV of an account import (RFC 4180, UTF-8, header on line 1): {@code login, displayName, mobile, roles,
 * regionCode, departmentCode, staffNo, password}; roles separated by {@code |}, {@code ;} or spaces; mobile,
 * departmentCode, staffNo and password may be empty (an empty password is generated and answered once). Each
 * account keeps the line it starts on, for answers by line number.
 */
final class AccountCsv {

	static final List<String> COLUMNS = List.of("login", "displayName", "mobile", "roles", "regionCode",
			"departmentCode", "staffNo", "password");
	static final int MAX_LINES = 500;

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

	private AccountCsv() {
	}

	record Line(int number, NewAccount account) {
	}

	static List<Line> read(byte[] body) {
		String text = decode(body);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<Line> lines = new ArrayList<>();
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
			Iterator<CSVRecord> records = parser.iterator();
			Map<String, Integer> header = null;
			while (true) {
				int start = (int) parser.getCurrentLineNumber() + 1;
				CSVRecord record = next(records, start);
				if (record == null) {
					break;
				}
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue;
				}
				if (header == null) {
					header = header(record);
					continue;
				}
				if (lines.size() == MAX_LINES) {
					throw HcpException.invalid("line " + start, "TOO_MANY_LINES", "一次最多导入 " + MAX_LINES + " 个账号",
							"At most " + MAX_LINES + " accounts per import");
				}
				lines.add(new Line(start, account(header, record)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (lines.isEmpty()) {
			throw HcpException.invalid("body", "EMPTY_IMPORT", "CSV 中没有账号（第1行为表头）", "The CSV holds no account (line 1 is the header)");
		}
		return lines;
	}

	private static Map<String, Integer> header(CSVRecord record) {
		Map<String, Integer> header = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < record.size(); i++) {
			String name = record.get(i).trim();
			if (!COLUMNS.contains(name) || header.putIfAbsent(name, i) != null) {
				problems.add(FieldProblem.of("line 1: " + shorten(name), "未知或重复的列，可用列：" + COLUMNS,
						"unknown or repeated column; columns are " + COLUMNS));
			}
		}
		for (String required : List.of("login", "displayName", "roles")) {
			if (!header.containsKey(required)) {
				problems.add(FieldProblem.of("line 1: " + required, "缺少此列", "this column is missing"));
			}
		}
		if (!problems.isEmpty()) {
			throw HcpException.invalid("BAD_CSV_HEADER", problems);
		}
		return header;
	}

	private static NewAccount account(Map<String, Integer> header, CSVRecord record) {
		List<String> roles = cell(header, record, "roles") == null ? List.of()
				: Arrays.stream(cell(header, record, "roles").split("[|;\\s]+")).filter(s -> !s.isBlank()).toList();
		return new NewAccount(cell(header, record, "login"), cell(header, record, "displayName"),
				cell(header, record, "mobile"), roles, cell(header, record, "regionCode"),
				cell(header, record, "departmentCode"), cell(header, record, "staffNo"), rawCell(header, record, "password"));
	}

	private static String cell(Map<String, Integer> header, CSVRecord record, String column) {
		String value = rawCell(header, record, column);
		return value == null || value.isBlank() ? null : value.trim();
	}

	/** Passwords are taken as written: a space may be part of one. */
	private static String rawCell(Map<String, Integer> header, CSVRecord record, String column) {
		Integer index = header.get(column);
		return index == null || index >= record.size() || record.get(index).isEmpty() ? null : record.get(index);
	}

	private static CSVRecord next(Iterator<CSVRecord> records, int line) {
		try {
			return records.hasNext() ? records.next() : null;
		}
		catch (UncheckedIOException | IllegalStateException e) {
			throw HcpException.badRequest("line " + line, "MALFORMED_CSV", "第" + line + "行：引号没有闭合或只包住了字段的一部分",
					"line " + line + ": a quote is not closed or does not enclose the whole field");
		}
	}

	private static String decode(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body == null ? new byte[0] : body))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw HcpException.badRequest("body", "CSV_NOT_UTF8", "CSV文件应为UTF-8编码", "The CSV file must be UTF-8 encoded");
		}
	}

	private static String shorten(String text) {
		return text.length() > 30 ? text.substring(0, 30) + "…" : text;
	}
}
