package org.hcp.cases;

import java.util.ArrayList;
import java.util.List;

import org.hcp.catalog.Catalog;
import org.hcp.catalog.ServiceItemView;
import org.hcp.shared.FieldProblem;
import org.springframework.stereotype.Component;

/** Every code a case reported through our API names must already be in the catalog. */
@Component
class CatalogReferences {

	private final Catalog catalog;

	CatalogReferences(Catalog catalog) {
		this.catalog = catalog;
	}

	/** The problems of the case's own codes (region, item, department) and of each of its service events. */
	List<FieldProblem> problems(NewCase c) {
		List<FieldProblem> problems = new ArrayList<>();
		if (c.region() != null && !catalog.regionExists(c.region())) {
			problems.add(FieldProblem.of("regionCode", "行政区划不存在：" + c.region(), "unknown region " + c.region()));
		}
		if (c.itemCode() != null && catalog.item(c.itemCode()).isEmpty()) {
			problems.add(FieldProblem.of("itemCode", "事项不存在：" + c.itemCode(), "unknown service item " + c.itemCode()));
		}
		if (c.departmentCode() != null && !catalog.departmentExists(c.departmentCode())) {
			problems.add(FieldProblem.of("departmentCode", "部门不存在：" + c.departmentCode(), "unknown department " + c.departmentCode()));
		}
		for (int i = 0; i < c.events().size(); i++) {
			problems.addAll(problems("services[" + i + "].", c.events().get(i)));
		}
		return problems;
	}

	List<FieldProblem> problems(String at, NewCase.NewServiceEvent e) {
		List<FieldProblem> problems = new ArrayList<>();
		if (e.staffNo() != null && catalog.staff(e.staffNo()).isEmpty()) {
			problems.add(FieldProblem.of(at + "staffNo", "工作人员不存在：" + e.staffNo(), "unknown staff " + e.staffNo()));
		}
		if (e.windowCode() != null && catalog.window(e.windowCode()).isEmpty()) {
			problems.add(FieldProblem.of(at + "windowCode", "窗口不存在：" + e.windowCode(), "unknown window " + e.windowCode()));
		}
		return problems;
	}

	/** The item's name, and its department when the case names none. */
	NewCase resolved(NewCase c) {
		ServiceItemView item = c.itemCode() == null ? null : catalog.item(c.itemCode()).orElse(null);
		if (item == null) {
			return c;
		}
		return new NewCase(c.caseNo(), c.title(), c.itemCode(), item.name(), c.departmentCode() != null ? c.departmentCode()
				: item.departmentCode(), c.region(), c.caseType(), c.applyChannel(), c.status(), c.applicant(),
				c.acceptedAt(), c.completedAt(), c.batchNo(), c.chainNo(), c.source(), c.events());
	}
}
