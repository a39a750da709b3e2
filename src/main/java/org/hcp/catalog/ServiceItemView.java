package org.hcp.catalog;

/** A service item 政务服务事项: implementing code, name, GB/T 39046 A.1 type, department, promised days. */
public record ServiceItemView(String code, String name, String type, String departmentCode, Integer promisedDays,
		boolean verified) {
}
