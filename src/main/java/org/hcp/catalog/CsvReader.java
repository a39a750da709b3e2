package org.hcp.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hcp.shared.HcpException;

/**
 * Reads RFC 4180 CSV with Apache Commons CSV: UTF-8 (an optional BOM is dropped), comma separated, fields optionally
 * in double quotes with {@code ""} for a quote inside; a quoted field may span lines. Each record keeps the line it
 * starts on, so that problems can be reported by line number (the header is line 1).
 */
final class CsvReader {

	/** Empty lines are kept by the parser so that its line count stays exact; they are skipped here. */
	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

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
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(input)).setFormat(FORMAT).get()) {
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				int start = (int) parser.getCurrentLineNumber() + 1;
				CSVRecord record = next(records, start);
				if (record == null) {
					return lines;
				}
				if (record.size() > 1 || !record.get(0).isBlank()) {
					lines.add(new Line(start, record.toList()));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The iterator reads exactly one record ahead in {@code hasNext}, so the line counted before it is the start. */
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
}
