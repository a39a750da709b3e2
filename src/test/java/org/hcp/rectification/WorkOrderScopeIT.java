package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.hcp.security.Role;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.junit.jupiter.api.Test;

/**
 * Data scope in the façade (ADR 0013): a department sees only its own orders, an office its region and everything
 * below, staff only their own, 12345 and assessors their region; 404 for an unknown order, 403 outside the scope.
 * Orders here are opened from findings of fresh departments, so that the ledger holds exactly what each test made.
 */
class WorkOrderScopeIT extends WorkOrderFixtures {

	private long finding(String region, String department, String staffNo) {
		return orders.openForFinding(new FindingReference(WorkOrderSource.FINDING, System.nanoTime(),
				new RegionCode(region), department, null, null, staffNo, null, "暗访发现窗口无人值守"));
	}

	@Test
	void a_department_cannot_see_another_departments_order() {
		String mine = newDepartment(hall().region());
		String theirs = newDepartment(hall().region());
		long own = finding(hall().region(), mine, null);
		long other = finding(hall().region(), theirs, null);
		as(person(Set.of(Role.DEPARTMENT), hall().region(), mine, null));
		assertThat(orders.find(own).id()).isEqualTo(own);
		as(person(Set.of(Role.DEPARTMENT), hall().region(), mine, null));
		assertThatThrownBy(() -> orders.find(other)).isInstanceOf(HcpException.class)
			.satisfies(e -> assertThat(((HcpException) e).status().value()).isEqualTo(403));
		as(person(Set.of(Role.DEPARTMENT), hall().region(), mine, null));
		assertThat(orders.ledger(LedgerQuery.all()).items()).extracting(LedgerEntry::id).containsExactly(own);
		as(person(Set.of(Role.DEPARTMENT), hall().region(), mine, null));
		assertThatThrownBy(() -> orders.find(Long.MAX_VALUE)).isInstanceOf(HcpException.class)
			.satisfies(e -> assertThat(((HcpException) e).status().value()).isEqualTo(404));
	}

	@Test
	void an_office_sees_its_region_and_below_only() {
		String township = newTownship();
		String county = township.substring(0, 6) + "000000";
		String department = newDepartment(county);
		long inTownship = finding(township, department, null);
		long inCounty = finding(county, department, null);
		long elsewhere = finding(hall().region(), department, null);
		as(person(Set.of(Role.OFFICE), county, null, null));
		assertThat(orders.ledger(new LedgerQuery(null, department, null, null, null, null, 0, 50)).items())
			.extracting(LedgerEntry::id).containsExactlyInAnyOrder(inTownship, inCounty);
		as(person(Set.of(Role.OFFICE), township, null, null));
		assertThat(orders.ledger(new LedgerQuery(null, department, null, null, null, null, 0, 50)).items())
			.extracting(LedgerEntry::id).containsExactly(inTownship);
		as(person(Set.of(Role.OFFICE), township, null, null));
		assertThatThrownBy(() -> orders.find(inCounty)).isInstanceOf(HcpException.class)
			.satisfies(e -> assertThat(((HcpException) e).code()).isEqualTo("OUT_OF_SCOPE"));
		as(person(Set.of(Role.OFFICE), county, null, null));
		assertThatThrownBy(() -> orders.detail(elsewhere)).isInstanceOf(HcpException.class);
	}

	@Test
	void staff_see_only_the_orders_of_their_own_staff_number() {
		String department = newDepartment(hall().region());
		long mine = finding(hall().region(), department, "S-" + System.nanoTime());
		String staffNo = current(mine).order().staffNo();
		long colleague = finding(hall().region(), department, "S-" + System.nanoTime());
		as(person(Set.of(Role.STAFF), hall().region(), null, staffNo));
		assertThat(orders.ledger(LedgerQuery.all()).items()).extracting(LedgerEntry::id).containsExactly(mine);
		as(person(Set.of(Role.STAFF), hall().region(), null, staffNo));
		assertThatThrownBy(() -> orders.find(colleague)).isInstanceOf(HcpException.class);
	}

	@Test
	void a_finding_marked_as_a_problem_opens_one_order_dispatched_at_once() {
		String department = newDepartment(hall().region());
		FindingReference f = new FindingReference(WorkOrderSource.COMMENT, System.nanoTime(), new RegionCode(hall().region()),
				department, null, null, null, null, "意见箱：材料清单不清楚");
		long id = orders.openForFinding(f);
		assertThat(orders.openForFinding(f)).isEqualTo(id);
		WorkOrderDetail d = current(id);
		assertThat(d.order().source()).isEqualTo(WorkOrderSource.COMMENT);
		assertThat(d.order().state()).isEqualTo(WorkOrderState.DISPATCHED);
		assertThat(d.summary()).isEqualTo("意见箱：材料清单不清楚");
		assertThat(d.timeline()).extracting(TimelineEntry::action).containsExactly("open", "dispatch");
	}

	@Test
	void the_ledger_filters_by_state_period_and_overdue_and_exports_masked_xlsx() throws Exception {
		String department = newDepartment(hall().region());
		long a = finding(hall().region(), department, null);
		long b = finding(hall().region(), department, null);
		as(department(department));
		orders.verify(b, version(b), "监督员", "现场", "属实");
		as(office());
		LedgerPage verified = orders.ledger(new LedgerQuery(null, department, WorkOrderState.VERIFIED, null, null, null, 0, 10));
		assertThat(verified.items()).extracting(LedgerEntry::id).containsExactly(b);
		assertThat(verified.total()).isEqualTo(1);
		LocalDate today = ChinaTime.dateOf(java.time.Instant.now());
		as(office());
		assertThat(orders.ledger(new LedgerQuery(null, department, null, today, today, false, 0, 10)).items())
			.extracting(LedgerEntry::id).containsExactlyInAnyOrder(a, b);
		as(office());
		assertThat(orders.ledger(new LedgerQuery(null, department, null, today.plusDays(1), null, null, 0, 10)).items())
			.isEmpty();
		as(office());
		LedgerPage page = orders.ledger(new LedgerQuery(null, department, null, null, null, null, 0, 1));
		assertThat(page.items()).hasSize(1);
		assertThat(page.total()).isEqualTo(2);
		assertThat(page.items().get(0).holder()).isEqualTo("DEPARTMENT");
		assertThat(page.items().get(0).remainingWorkingDays()).isNotNull();
		as(office());
		byte[] xlsx = orders.exportLedger(new LedgerQuery(null, department, null, null, null, null, 0, 0));
		String sheet = sheetXml(xlsx);
		DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
				sheet.getBytes(StandardCharsets.UTF_8)));
		assertThat(sheet).contains(current(a).order().orderNo(), current(b).order().orderNo(), "工单编号");
	}

	@Test
	void a_bad_review_in_the_export_shows_the_raters_mobile_masked_only() throws Exception {
		long id = badReview();
		as(hotline());
		String mobile = orders.revealRaterMobile(id);
		as(office());
		String sheet = sheetXml(orders.exportLedger(new LedgerQuery(null, hall().department(), null, null, null, null, 0, 0)));
		assertThat(sheet).contains(mobile.substring(0, 3) + "****" + mobile.substring(7)).doesNotContain(mobile);
	}

	private org.hcp.security.Caller department(String code) {
		return person(Set.of(Role.DEPARTMENT), hall().region(), code, null);
	}

	private static String sheetXml(byte[] xlsx) throws Exception {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				if (e.getName().equals("xl/worksheets/sheet1.xml")) {
					return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new AssertionError("no sheet in the workbook");
	}
}
