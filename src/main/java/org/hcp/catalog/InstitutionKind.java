package org.hcp.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hcp.shared.RegionCode;
import org.springframework.stereotype.Component;

/** Institutions 政务服务机构: halls, department sub-halls, township centres and village service points. */
@Component
class InstitutionKind extends CatalogKind {

	static final Set<String> KINDS = Set.of("HALL", "SUB_HALL", "TOWNSHIP_CENTRE", "VILLAGE_POINT");

	@Override
	CatalogTable table() {
		return CatalogTable.INSTITUTION;
	}

	@Override
	Set<String> fields() {
		return Set.of("code", "name", "kind", "regionCode", "parentCode");
	}

	@Override
	List<Filter> filters() {
		return List.of(Filter.region("region", "region_code"), Filter.code("kind", "kind"),
				Filter.code("parent", "parent_code"));
	}

	@Override
	String readCode(Fields in) {
		return in.code("code", 64, "_.\\-", true);
	}

	@Override
	Map<String, Object> read(String code, Fields in, boolean creating) {
		String name = in.text("name", 200, true);
		String kind = in.oneOf("kind", KINDS, true);
		RegionCode region = in.region("regionCode", true);
		String parent = in.code("parentCode", 64, "_.\\-", false);
		if (parent != null && parent.equals(code)) {
			in.problem("parentCode", "不能是本机构自己", "cannot be the institution itself");
		}
		return columns("name", name, "kind", kind,
				"region_code", in.refer("regionCode", CatalogTable.REGION, region == null ? null : region.value()),
				"parent_code", in.refer("parentCode", CatalogTable.INSTITUTION, parent));
	}
}
