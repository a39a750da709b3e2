package org.hcp.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hcp.shared.HcpException;

/**
 * A small RFC 4180 reader: UTF-8 (an optional BOM is dropped), comma separated, fields optionally in double quotes
 * with {@code ""} for a quote inside; a quoted field may span lines. Each record keeps the line it starts on, so
 * that problems can be reported by line number (the header is line 1).
 */
final class CsvReader {

	private CsvReader() {
	}

	/** One record of the file and the physical line it starts on. */
	record Line(int number, List<String> cells) {
	}

	static List<Line> read(byte[] body) {
		return read(decode(body));
	}

	static List<Line> read(String text) {
		String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
		List<Line> lines = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		int line = 1;
		int start = 1;
		boolean quoted = false;
		boolean wasQuoted = false;
		for (int i = 0; i < input.length(); i++) {
			char c = input.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < input.length() && input.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					line += c == '\n' ? 1 : 0;
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty() && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
			}
			else if (c == '"' || wasQuoted && c != ',' && c != '\r' && c != '\n') {
				throw malformed(line, "引号只能包住整个字段", "a quote may only enclose a whole field");
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
				wasQuoted = false;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				addUnlessBlank(lines, start, cells);
				cells = new ArrayList<>();
				cell.setLength(0);
				wasQuoted = false;
				start = ++line;
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw malformed(start, "引号没有闭合", "a quoted field is not closed");
		}
		cells.add(cell.toString());
		addUnlessBlank(lines, start, cells);
		return lines;
	}

	private static void addUnlessBlank(List<Line> lines, int number, List<String> cells) {
		if (cells.size() > 1 || !cells.get(0).isBlank()) {
			lines.add(new Line(number, List.copyOf(cells)));
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

	private static HcpException malformed(int line, String zh, String en) {
		return HcpException.badRequest("line " + line, "MALFORMED_CSV", "第" + line + "行：" + zh, "line " + line + ": " + en);
	}
}
