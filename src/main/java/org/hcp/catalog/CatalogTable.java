package org.hcp.catalog;

import java.util.Arrays;

/** The catalog's CRUD tables: the path segment of the REST API, the table, its key, and names for messages. */
enum CatalogTable {

	REGION("regions", "cat_region", "code", "code", "行政区划", "region"),
	DEPARTMENT("departments", "cat_department", "code", "code", "部门", "department"),
	INSTITUTION("institutions", "cat_institution", "code", "code", "政务服务机构", "institution"),
	WINDOW("windows", "cat_window", "code", "code", "窗口", "window"),
	STAFF("staff", "cat_staff", "staff_no", "staffNo", "工作人员", "staff member"),
	ITEM("items", "cat_service_item", "code", "code", "政务服务事项", "service item");

	/** For the controller's path pattern; keep in step with the constants. */
	static final String PATHS = "regions|departments|institutions|windows|staff|items";

	final String path;
	final String table;
	final String keyColumn;
	final String keyField;
	final String zh;
	final String en;

	CatalogTable(String path, String table, String keyColumn, String keyField, String zh, String en) {
		this.path = path;
		this.table = table;
		this.keyColumn = keyColumn;
		this.keyField = keyField;
		this.zh = zh;
		this.en = en;
	}

	static CatalogTable ofPath(String path) {
		return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst().orElseThrow();
	}
}
