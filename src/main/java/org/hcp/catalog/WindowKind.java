package org.hcp.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/** Windows 窗口 of an institution. */
@Component
class WindowKind extends CatalogKind {

	@Override
	CatalogTable table() {
		return CatalogTable.WINDOW;
	}

	@Override
	Set<String> fields() {
		return Set.of("code", "name", "institutionCode");
	}

	@Override
	List<Filter> filters() {
		return List.of(Filter.code("institution", "institution_code"));
	}

	@Override
	String readCode(Fields in) {
		return in.code("code", 64, "_.\\-", true);
	}

	@Override
	Map<String, Object> read(String code, Fields in, boolean creating) {
		String name = in.text("name", 100, true);
		String institution = in.code("institutionCode", 64, "_.\\-", true);
		return columns("name", name, "institution_code", in.refer("institutionCode", CatalogTable.INSTITUTION, institution));
	}
}
