package org.hcp.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;

/**
 * A CSV import checked whole before anything is stored: the header (line 1) names the JSON fields; each further
 * line becomes one {@link Fields} whose problems carry its line number; all problems are reported together.
 */
final class CsvLines {

	/** Enough to fix a file by; a file that is wrong throughout would otherwise give a huge answer. */
	static final int MAX_PROBLEMS = 200;

	private CsvLines() {
	}

	static List<Fields> read(byte[] body, Set<String> known) {
		List<CsvReader.Line> lines = CsvReader.read(body);
		if (lines.isEmpty()) {
			throw HcpException.invalid("line 1", "EMPTY_CSV", "文件为空，第一行应为表头", "The file is empty; line 1 must be the header");
		}
		List<String> header = lines.get(0).cells().stream().map(String::trim).toList();
		String at = "line " + lines.get(0).number() + ": ";
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> seen = new TreeSet<>();
		String allowed = String.join(", ", new TreeSet<>(known));
		for (String name : header) {
			if (!known.contains(name)) {
				problems.add(FieldProblem.of(at + name, "未知的列，可用的列：" + allowed, "unknown column; known columns: " + allowed));
			}
			else if (!seen.add(name)) {
				problems.add(FieldProblem.of(at + name, "列名重复", "the column appears twice"));
			}
		}
		if (lines.size() == 1) {
			problems.add(FieldProblem.of("line 2", "没有数据行", "no data lines after the header"));
		}
		throwIfAny(problems);
		return lines.subList(1, lines.size()).stream().map(line -> Fields.ofCsv(line, header)).toList();
	}

	/** Marks every line whose key an earlier line already had; keys parallel the lines, null keys are skipped. */
	static void rejectDuplicates(List<Fields> lines, List<String> keys, String field) {
		Map<String, Integer> first = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String key = keys.get(i);
			Integer earlier = key == null ? null : first.putIfAbsent(key, lines.get(i).line());
			if (earlier != null) {
				lines.get(i).problem(field, "与第" + earlier + "行重复", "duplicates line " + earlier);
			}
		}
	}

	/** Every problem of every line, in line order. */
	static List<FieldProblem> problems(List<Fields> lines) {
		return lines.stream().flatMap(line -> line.problems().stream()).toList();
	}

	static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw HcpException.invalid("INVALID_CSV", problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
		}
	}
}
