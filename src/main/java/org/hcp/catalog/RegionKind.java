package org.hcp.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hcp.shared.RegionCode;
import org.springframework.stereotype.Component;

/** Regions 行政区划: the level follows from the code, the parent defaults to the code's parent and must contain it. */
@Component
class RegionKind extends CatalogKind {

	@Override
	CatalogTable table() {
		return CatalogTable.REGION;
	}

	@Override
	Set<String> fields() {
		return Set.of("code", "name", "level", "parentCode");
	}

	@Override
	List<Filter> filters() {
		return List.of(Filter.region("parent", "parent_code"), Filter.level("level", "level"),
				Filter.flag("verified", "verified"));
	}

	@Override
	String key(String text) {
		String code = text.trim();
		return code.length() == 6 ? code + "000000" : code;
	}

	@Override
	String readCode(Fields in) {
		RegionCode code = in.region("code", true);
		return code == null ? null : code.value();
	}

	@Override
	Map<String, Object> read(String code, Fields in, boolean creating) {
		String name = in.text("name", 100, true);
		Integer level = in.integer("level", 1, 5, false);
		RegionCode parent = in.region("parentCode", false);
		if (code != null) {
			RegionCode region = new RegionCode(code);
			if (level != null && level != region.level()) {
				in.problem("level", "与代码所示层级（" + region.level() + "）不一致",
						"does not match the level the code shows (" + region.level() + ")");
			}
			level = region.level();
			parent = parent == null ? region.parent() : parent;
			if (parent != null && (parent.level() >= region.level() || !parent.contains(region))) {
				in.problem("parentCode", "上级区划应比本区划高一级以上且包含本区划",
						"the parent must be a higher level and contain this region");
			}
		}
		String parentCode = in.refer("parentCode", CatalogTable.REGION, parent == null ? null : parent.value());
		return columns("name", name, "level", level, "parent_code", parentCode, "verified", true);
	}
}
