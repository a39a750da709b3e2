package org.hcp.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers the regions (with their ancestors), departments and items that incoming records name but the catalog
 * lacks, marked unverified until an administrator edits them. De-duplicated here, then one multi-row
 * {@code insert … on conflict do nothing} per table (per thousand rows); keys are sorted so that concurrent
 * registrations lock rows in the same order.
 */
@Component
class UnverifiedRegistration {

	private static final int ROWS_PER_STATEMENT = 1000;

	private final JdbcClient jdbc;

	UnverifiedRegistration(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	void register(Collection<CatalogReference> references) {
		Map<String, List<Object>> regions = new TreeMap<>();
		Map<String, List<Object>> departments = new TreeMap<>();
		Map<String, List<Object>> items = new TreeMap<>();
		for (CatalogReference reference : references) {
			for (RegionCode region = reference.region(); region != null; region = region.parent()) {
				RegionCode parent = region.parent();
				regions.putIfAbsent(region.value(),
						Arrays.asList(region.value(), region.value(), region.level(), parent == null ? null : parent.value()));
			}
			String department = code("departmentCode", reference.departmentCode(), 18);
			if (department != null) {
				departments.merge(department, Arrays.asList(department, name(reference.departmentName(), department, 200),
						reference.region() == null ? null : reference.region().value()), UnverifiedRegistration::named);
			}
			String item = code("itemCode", reference.itemCode(), 33);
			if (item != null) {
				items.merge(item, Arrays.asList(item, name(reference.itemName(), item, 300), department),
						UnverifiedRegistration::named);
			}
		}
		insert("cat_region (code, name, level, parent_code, verified)", regions);
		insert("cat_department (code, name, region_code, verified)", departments);
		insert("cat_service_item (code, name, department_code, verified)", items);
	}

	/** Keeps the first row, unless it only had its code for a name and a later one brings a real name. */
	private static List<Object> named(List<Object> first, List<Object> later) {
		return first.get(1).equals(first.get(0)) && !later.get(1).equals(later.get(0)) ? later : first;
	}

	private void insert(String tableAndColumns, Map<String, List<Object>> rows) {
		List<List<Object>> all = new ArrayList<>(rows.values());
		for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
			List<List<Object>> chunk = all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT));
			String row = "(" + "?, ".repeat(chunk.get(0).size()) + "false)";
			List<Object> params = chunk.stream().flatMap(List::stream).toList();
			jdbc.sql("insert into " + tableAndColumns + " values " + String.join(", ", Collections.nCopies(chunk.size(), row))
					+ " on conflict do nothing")
				.params(params)
				.update();
		}
	}

	private static String code(String field, String code, int max) {
		if (code == null || code.isBlank()) {
			return null;
		}
		String trimmed = code.trim();
		if (trimmed.length() > max) {
			throw HcpException.invalid(field, "CODE_TOO_LONG", field + " 不能超过" + max + "个字符",
					field + " must be at most " + max + " characters");
		}
		return trimmed;
	}

	private static String name(String name, String code, int max) {
		if (name == null || name.isBlank()) {
			return code;
		}
		String trimmed = name.trim();
		return trimmed.codePointCount(0, trimmed.length()) <= max ? trimmed
				: trimmed.substring(0, trimmed.offsetByCodePoints(0, max));
	}
}
