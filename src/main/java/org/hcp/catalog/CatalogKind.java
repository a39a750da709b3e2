package org.hcp.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What differs between the catalog's CRUD tables: the fields, their rules and references, the list filters and the
 * response shape. Storage, paging, CSV import and reference checks are shared ({@link CatalogRecords}).
 */
abstract class CatalogKind {

	abstract CatalogTable table();

	/** The JSON fields, which are also the columns a CSV header may name. */
	abstract Set<String> fields();

	abstract List<Filter> filters();

	/** Reads and checks the key of a new row; null when it is missing or malformed (the problem is recorded). */
	abstract String readCode(Fields in);

	/**
	 * Reads and checks the other fields into column values (without the key). {@code creating} is false for an
	 * update, where a kind may keep what an absent field held.
	 */
	abstract Map<String, Object> read(String code, Fields in, boolean creating);

	/** A code as written in a path, in the stored form. */
	String key(String text) {
		return text.trim();
	}

	/** The row as the API shows it: every column but the creation time, in camelCase. */
	Map<String, Object> view(Map<String, Object> row) {
		Map<String, Object> view = new LinkedHashMap<>();
		row.forEach((column, value) -> {
			if (!column.equals("created_at")) {
				view.put(camelCase(column), value);
			}
		});
		return view;
	}

	static Map<String, Object> columns(Object... namesAndValues) {
		Map<String, Object> columns = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			columns.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return columns;
	}

	private static String camelCase(String column) {
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}
}
