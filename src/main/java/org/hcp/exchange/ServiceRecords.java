package org.hcp.exchange;

import java.time.Instant;
import java.util.List;

import org.hcp.cases.Applicant;
import org.hcp.cases.ApplyChannel;
import org.hcp.cases.CaseNo;
import org.hcp.cases.CaseStatus;
import org.hcp.cases.CaseType;
import org.hcp.cases.NewCase;
import org.hcp.catalog.Catalog;
import org.hcp.catalog.CatalogReference;
import org.hcp.privacy.Mobile;
import org.hcp.shared.RegionCode;

import tools.jackson.databind.JsonNode;

/** Maps a national-style service record (domain §11) to a case with one service event. */
final class ServiceRecords {

	private ServiceRecords() {
	}

	record Parsed(NewCase newCase, CatalogReference reference, String departmentName) {
	}

	static Parsed parse(JsonNode node) {
		Fields f = new Fields(node);
		RegionCode region = RegionCode.parse("areaCode", f.text("areaCode"));
		String deptCode = f.code("deptCode", 18);
		String deptName = f.optional("deptName", 200);
		String taskCode = f.code("taskCode", 33);
		String taskName = f.required("taskName", 300);
		String projectNo = CaseNo.parse("projectNo", f.text("projectNo")).value();
		String projectName = f.optional("projectName", 300);
		int proStatus = f.code("proStatus", null, List.of(1, 2, 3));
		String userName = f.required("userName", 100);
		int userProp = f.code("userProp", 1, List.of(1, 2, 3, 4, 5, 9));
		String certKey = f.optional("certKey", 64);
		Mobile mobile = Mobile.parseOptional("mobile", f.text("mobile"));
		Instant acceptDate = f.time("acceptDate");
		int serviceNumber = f.positive("serviceNumber");
		String serviceName = f.required("serviceName", 100);
		Instant serviceTime = f.time("serviceTime");
		int promiseTime = f.code("promiseTime", null, List.of(1, 2));
		int proChannel = f.code("proChannel", 2, List.of(1, 2));
		String proManager = f.optional("proManager", 64);
		Instant resultDate = proStatus == 3 ? f.time("resultDate") : null;
		CaseStatus status = switch (proStatus) {
			case 1 -> CaseStatus.ACCEPTED;
			case 2 -> CaseStatus.IN_PROGRESS;
			default -> CaseStatus.COMPLETED;
		};
		NewCase c = new NewCase(projectNo, projectName, taskCode, taskName, deptCode, region,
				promiseTime == 1 ? CaseType.ON_THE_SPOT : CaseType.PROMISED,
				proChannel == 1 ? ApplyChannel.ONLINE : ApplyChannel.WINDOW, status,
				new Applicant(userProp, userName, "111", certKey, mobile), acceptDate, resultDate,
				f.optional("batchNo", 64), f.optional("chainNo", 64), NewCase.Source.EXCHANGE,
				List.of(new NewCase.NewServiceEvent(serviceNumber, serviceName, serviceTime, proManager, null)));
		return new Parsed(c, new CatalogReference(region, deptCode, deptName, taskCode, taskName), deptName);
	}

	/**
	 * {@code proManager} names the handler. It is attributed to a staff member only when it is one of the catalog's
	 * staff numbers; anything else (often a person's name) is not stored, so that no plain name sits in the case.
	 */
	static NewCase withKnownStaff(NewCase c, Catalog catalog) {
		List<NewCase.NewServiceEvent> events = c.events().stream()
			.map(e -> e.staffNo() == null || catalog.staff(e.staffNo()).isPresent() ? e
					: new NewCase.NewServiceEvent(e.serviceNo(), e.name(), e.occurredAt(), null, e.windowCode()))
			.toList();
		return new NewCase(c.caseNo(), c.title(), c.itemCode(), c.itemName(), c.departmentCode(), c.region(),
				c.caseType(), c.applyChannel(), c.status(), c.applicant(), c.acceptedAt(), c.completedAt(), c.batchNo(),
				c.chainNo(), c.source(), events);
	}
}
