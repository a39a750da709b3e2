package org.hcp.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/** Service items 政务服务事项, keyed by their implementing code 实施编码, typed by GB/T 39046 A.1. */
@Component
class ItemKind extends CatalogKind {

	/** 01 行政许可 … 10 其他行政权力, 20 公共服务. */
	static final Set<String> TYPES = Set.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "20");

	@Override
	CatalogTable table() {
		return CatalogTable.ITEM;
	}

	@Override
	Set<String> fields() {
		return Set.of("code", "basicCode", "name", "itemType", "departmentCode", "promisedDays");
	}

	@Override
	List<Filter> filters() {
		return List.of(Filter.code("department", "department_code"), Filter.code("itemType", "item_type"),
				Filter.flag("verified", "verified"));
	}

	@Override
	String readCode(Fields in) {
		return in.code("code", 33, "", true);
	}

	@Override
	Map<String, Object> read(String code, Fields in, boolean creating) {
		String basicCode = in.code("basicCode", 10, "", false);
		String name = in.text("name", 300, true);
		String type = in.oneOf("itemType", TYPES, true);
		String department = in.text("departmentCode", 18, true);
		Integer promisedDays = in.integer("promisedDays", 0, 3650, false);
		return columns("basic_code", basicCode, "name", name, "item_type", type,
				"department_code", in.refer("departmentCode", CatalogTable.DEPARTMENT, department),
				"promised_days", promisedDays, "verified", true);
	}
}
