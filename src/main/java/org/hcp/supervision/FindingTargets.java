package org.hcp.supervision;

import java.util.List;
import java.util.Optional;

import org.hcp.catalog.Catalog;
import org.hcp.catalog.InstitutionView;
import org.hcp.catalog.ServiceItemView;
import org.hcp.catalog.StaffView;
import org.hcp.catalog.WindowView;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * What a finding is recorded against, checked against the catalog: each named institution, window, staff member and
 * service item must exist, a window must belong to the named institution, and the finding's region and responsible
 * department follow from them — the region from the window, institution or staff member (a named region must contain
 * it; for an item alone it must be named), the department as named, else the staff member's, else the item's.
 */
@Component
class FindingTargets {

	private final Catalog catalog;

	FindingTargets(Catalog catalog) {
		this.catalog = catalog;
	}

	/** The resolved target; {@code regionField} names the field the region came from, for scope refusals. */
	record Target(RegionCode region, String regionField, String departmentCode, String institutionCode,
			String windowCode, String staffNo, String itemCode) {
	}

	/** The target, or null with the problems added. */
	Target resolve(FindingRequest r, List<FieldProblem> problems) {
		String institutionCode = code(r.institutionCode()), windowCode = code(r.windowCode()),
				staffNo = code(r.staffNo()), itemCode = code(r.itemCode()), departmentCode = code(r.departmentCode());
		if (institutionCode == null && windowCode == null && staffNo == null && itemCode == null) {
			problems.add(FieldProblem.of("institutionCode", "请至少指明一个对象：机构、窗口、工作人员或事项",
					"name at least one of institutionCode, windowCode, staffNo, itemCode"));
			return null;
		}
		int before = problems.size();
		Optional<InstitutionView> institution = find(institutionCode, catalog::institution, "institutionCode",
				"政务服务机构", "institution", problems);
		Optional<WindowView> window = find(windowCode, catalog::window, "windowCode", "窗口", "window", problems);
		Optional<StaffView> staff = find(staffNo, catalog::staff, "staffNo", "工作人员", "staff member", problems);
		Optional<ServiceItemView> item = find(itemCode, catalog::item, "itemCode", "事项", "service item", problems);
		if (departmentCode != null && !catalog.departmentExists(departmentCode)) {
			problems.add(FieldProblem.of("departmentCode", "部门不存在：" + departmentCode, "No department " + departmentCode));
		}
		if (window.isPresent() && institutionCode != null && !window.get().institutionCode().equals(institutionCode)) {
			problems.add(FieldProblem.of("windowCode", "窗口 " + windowCode + " 不属于机构 " + institutionCode,
					"Window " + windowCode + " does not belong to institution " + institutionCode));
		}
		RegionCode named = namedRegion(r.regionCode(), problems);
		if (problems.size() > before) {
			return null;
		}
		String field = window.isPresent() ? "windowCode" : institution.isPresent() ? "institutionCode"
				: staff.isPresent() ? "staffNo" : "regionCode";
		RegionCode region = window.map(WindowView::region)
			.or(() -> institution.map(InstitutionView::region))
			.or(() -> staff.flatMap(s -> catalog.institution(s.institutionCode())).map(InstitutionView::region))
			.orElse(null);
		if (region == null && named == null) {
			problems.add(FieldProblem.of("regionCode", "只指明事项时，须填写行政区划",
					"regionCode is required when only a service item is named"));
			return null;
		}
		if (region != null && named != null && !named.contains(region)) {
			problems.add(FieldProblem.of("regionCode", "所指对象不在行政区划 " + named + " 内",
					"The named object is not inside region " + named));
			return null;
		}
		String department = departmentCode != null ? departmentCode
				: staff.map(StaffView::departmentCode).or(() -> item.map(ServiceItemView::departmentCode)).orElse(null);
		return new Target(region != null ? region : named, field, department, institutionCode, windowCode, staffNo,
				itemCode);
	}

	private RegionCode namedRegion(String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		RegionCode region = RevisitSamples.attempt(problems, () -> RegionCode.parse("regionCode", text));
		if (region != null && !catalog.regionExists(region)) {
			problems.add(FieldProblem.of("regionCode", "行政区划不存在：" + region, "No region " + region));
			return null;
		}
		return region;
	}

	private static <T> Optional<T> find(String code, java.util.function.Function<String, Optional<T>> lookup,
			String field, String zh, String en, List<FieldProblem> problems) {
		if (code == null) {
			return Optional.empty();
		}
		if (code.length() > 64) {
			problems.add(FieldProblem.of(field, zh + "编码过长", en + " code is too long"));
			return Optional.empty();
		}
		Optional<T> found = lookup.apply(code);
		if (found.isEmpty()) {
			problems.add(FieldProblem.of(field, zh + "不存在：" + code, "No " + en + " " + code));
		}
		return found;
	}

	private static String code(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
