package org.hcp.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/** Lists, reads, creates, updates, deletes and imports rows of the catalog's CRUD tables, whatever their kind. */
@Service
class CatalogRecords {

	private final Map<CatalogTable, CatalogKind> kinds = new EnumMap<>(CatalogTable.class);
	private final CatalogStore store;
	private final ReferenceCheck references;

	CatalogRecords(List<CatalogKind> kinds, CatalogStore store, ReferenceCheck references) {
		kinds.forEach(kind -> this.kinds.put(kind.table(), kind));
		this.store = store;
		this.references = references;
	}

	@Transactional(readOnly = true)
	Paging.Page list(String path, Map<String, String> params, Paging paging) {
		CatalogKind kind = kind(path);
		Fields query = Fields.ofParams(params);
		Map<String, Object> equal = new LinkedHashMap<>();
		for (Filter filter : kind.filters()) {
			Object value = filter.read().apply(query);
			if (value != null) {
				equal.put(filter.column(), value);
			}
		}
		query.check();
		List<Map<String, Object>> items = store.page(kind.table(), equal, paging).stream().map(kind::view).toList();
		return new Paging.Page(items, paging.page(), paging.size(), store.count(kind.table(), equal));
	}

	@Transactional(readOnly = true)
	Map<String, Object> get(String path, String code) {
		CatalogKind kind = kind(path);
		return kind.view(existing(kind, kind.key(code)));
	}

	@Transactional
	Map<String, Object> create(String path, JsonNode body) {
		CatalogKind kind = kind(path);
		Fields in = Fields.ofJson(body);
		String code = kind.readCode(in);
		Map<String, Object> columns = kind.read(code, in, true);
		in.check();
		if (store.exists(kind.table(), code)) {
			throw HcpException.conflict(kind.table().keyField, "ALREADY_EXISTS", kind.table().zh + " " + code + " 已存在",
					kind.table().en + " " + code + " already exists");
		}
		checkReferences(in.references(), kind.table(), Set.of());
		store.insert(kind.table(), code, columns);
		return kind.view(existing(kind, code));
	}

	/** Replaces the row's fields; a row registered unverified from an incoming record becomes verified. */
	@Transactional
	Map<String, Object> update(String path, String pathCode, JsonNode body) {
		CatalogKind kind = kind(path);
		String code = kind.key(pathCode);
		existing(kind, code);
		Fields in = Fields.ofJson(body);
		String sent = in.raw(kind.table().keyField);
		if (sent != null && !kind.key(sent).equals(code)) {
			in.problem(kind.table().keyField, "与路径中的代码不一致，代码不能修改", "differs from the code in the path; a code cannot change");
		}
		Map<String, Object> columns = kind.read(code, in, false);
		in.check();
		checkReferences(in.references(), kind.table(), Set.of());
		store.update(kind.table(), code, columns);
		return kind.view(existing(kind, code));
	}

	@Transactional
	void delete(String path, String pathCode) {
		CatalogKind kind = kind(path);
		String code = kind.key(pathCode);
		boolean deleted;
		try {
			deleted = store.delete(kind.table(), code);
		}
		catch (DataIntegrityViolationException e) {
			throw HcpException.conflict(kind.table().keyField, "IN_USE", kind.table().zh + " " + code + " 仍被其他目录数据引用，不能删除",
					kind.table().en + " " + code + " is still referenced by other catalog rows and cannot be deleted");
		}
		if (!deleted) {
			throw notFound(kind, code);
		}
	}

	/** Checks every line first; stores all of them (new codes inserted, known codes replaced) or none. */
	@Transactional
	int importCsv(String path, byte[] body) {
		CatalogKind kind = kind(path);
		List<Fields> lines = CsvLines.read(body, kind.fields());
		List<String> codes = new ArrayList<>();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Fields line : lines) {
			String code = kind.readCode(line);
			codes.add(code);
			rows.add(kind.read(code, line, true));
		}
		CsvLines.rejectDuplicates(lines, codes, kind.table().keyField);
		List<FieldProblem> problems = new ArrayList<>(CsvLines.problems(lines));
		List<Fields.Reference> named = lines.stream().flatMap(line -> line.references().stream()).toList();
		problems.addAll(references.missing(named, kind.table(), new HashSet<>(codes)));
		CsvLines.throwIfAny(problems);
		store.deferReferences();
		store.upsert(kind.table(), codes, rows);
		return lines.size();
	}

	private void checkReferences(List<Fields.Reference> named, CatalogTable own, Set<String> ownCodes) {
		List<FieldProblem> missing = references.missing(named, own, ownCodes);
		if (!missing.isEmpty()) {
			throw HcpException.invalid("UNKNOWN_REFERENCE", missing);
		}
	}

	private Map<String, Object> existing(CatalogKind kind, String code) {
		return store.find(kind.table(), code).orElseThrow(() -> notFound(kind, code));
	}

	private CatalogKind kind(String path) {
		return kinds.get(CatalogTable.ofPath(path));
	}

	private static HcpException notFound(CatalogKind kind, String code) {
		return HcpException.notFound(kind.table().keyField, "NOT_FOUND", kind.table().zh + " " + code + " 不存在",
				kind.table().en + " " + code + " does not exist");
	}
}
