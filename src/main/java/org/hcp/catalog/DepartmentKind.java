package org.hcp.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hcp.shared.RegionCode;
import org.springframework.stereotype.Component;

/** Departments 部门, keyed by their unified social credit code, each in one region. */
@Component
class DepartmentKind extends CatalogKind {

	@Override
	CatalogTable table() {
		return CatalogTable.DEPARTMENT;
	}

	@Override
	Set<String> fields() {
		return Set.of("code", "name", "regionCode");
	}

	@Override
	List<Filter> filters() {
		return List.of(Filter.region("region", "region_code"), Filter.flag("verified", "verified"));
	}

	@Override
	String key(String text) {
		return text.trim().toUpperCase();
	}

	@Override
	String readCode(Fields in) {
		String code = in.raw("code");
		if (code == null) {
			return in.text("code", 18, true);
		}
		if (!CreditCode.isValid(code.toUpperCase())) {
			in.problem("code", "应为18位统一社会信用代码（含正确的校验码）",
					"must be an 18-character unified social credit code with a correct check character");
			return null;
		}
		return code.toUpperCase();
	}

	@Override
	Map<String, Object> read(String code, Fields in, boolean creating) {
		String name = in.text("name", 200, true);
		RegionCode region = in.region("regionCode", true);
		String regionCode = in.refer("regionCode", CatalogTable.REGION, region == null ? null : region.value());
		return columns("name", name, "region_code", regionCode, "verified", true);
	}
}
