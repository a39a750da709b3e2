package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.hcp.appeal.AppealDecision;
import org.hcp.appeal.AppealOutcome;
import org.hcp.appeal.Appeals;
import org.hcp.appeal.NewAppeal;
import org.hcp.rectification.RevisitOutcome;
import org.hcp.rectification.WorkOrderDetail;
import org.hcp.rectification.WorkOrders;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.RegionCode;
import org.hcp.support.AsCaller;
import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A unit of its own for statistics tests — a township with a department, a hall, a window, a staff member and an item
 * — whose cases, ratings, work orders and appeals go through the real APIs and façades, so its figures can be counted
 * by hand.
 */
abstract class StatisticsFixtures extends ServiceFixtures {

	private static final AtomicLong USER_IDS = new AtomicLong(950_000);

	@Autowired
	protected Statistics statistics;

	@Autowired
	protected WorkOrders orders;

	@Autowired
	protected Appeals appeals;

	/** Where the cases of one test data set happen. */
	protected record Unit(String region, String department, String institution, String window, String staffNo,
			String item) {
	}

	protected Unit newUnit() {
		String region = newTownship();
		String department = newDepartment(region);
		String institution = newInstitution(region);
		String window = newWindow(institution);
		String staffNo = unique("STF");
		String id = "980101199001" + String.format("%05d", ThreadLocalRandom.current().nextInt(100000)) + "X";
		assertThat(admin.post("/api/v1/catalog/staff", Map.of("staffNo", staffNo, "name", "王五", "idNumber", id,
				"mobile", randomMobile(), "institutionCode", institution, "windowCode", window, "departmentCode",
				department)).status()).isEqualTo(201);
		return new Unit(region, department, institution, window, staffNo, newItem(department));
	}

	/** A case of the unit served at its window and completed 5 minutes after acceptance, 3 hours ago. */
	protected String completedCase(Unit unit) {
		OffsetDateTime accepted = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).withNano(0);
		String caseNo = unique("CASE");
		Map<String, Object> body = new HashMap<>();
		body.put("caseNo", caseNo);
		body.put("itemCode", unit.item());
		body.put("departmentCode", unit.department());
		body.put("regionCode", unit.region());
		body.put("caseType", "ON_THE_SPOT");
		body.put("applyChannel", "WINDOW");
		body.put("applicant", Map.of("type", 1, "name", "李四", "certType", "111", "certNo", "110101199003074512",
				"mobile", randomMobile()));
		body.put("acceptedAt", accepted.toString());
		body.put("completedAt", accepted.plusMinutes(5).toString());
		body.put("services", List.of(Map.of("serviceNo", 1, "name", "受理", "at", accepted.toString(), "staffNo",
				unit.staffNo(), "windowCode", unit.window())));
		Http.Reply reply = admin.post("/api/v1/cases", body);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return caseNo;
	}

	/** Rates the case through the rating API; returns the case number. */
	protected String rated(String caseNo, int level, String channel, String... indicators) {
		Map<String, Object> body = rating(caseNo, level, "channel", channel, "rater",
				Map.of("name", "赵六", "mobile", randomMobile()));
		if (indicators.length > 0) {
			body.put("indicators", List.of(indicators));
		}
		Http.Reply reply = rate(body);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return caseNo;
	}

	/** The work order a bad rating of the case opened (opened after the rating commits). */
	protected long orderOf(String caseNo) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from rct_order_rating where case_no = :c")
			.param("c", caseNo).query(Long.class).single() > 0);
		return jdbc.sql("select order_id from rct_order_rating where case_no = :c").param("c", caseNo).query(Long.class)
			.single();
	}

	protected long evaluationOf(String caseNo) {
		return jdbc.sql("select id from evl_evaluation where case_no = :c").param("c", caseNo).query(Long.class).single();
	}

	// ------------------------------------------------------------------------------------------------ work orders

	protected WorkOrderDetail dispatched(Unit unit, long order) {
		return AsCaller.run(hotline(unit), () -> orders.dispatch(order, version(order)));
	}

	protected WorkOrderDetail invalid(Unit unit, long order) {
		return AsCaller.run(hotline(unit), () -> orders.invalidate(order, version(order), "评价人表示误操作"));
	}

	/** First check, verification, rectification at once and the reply to the rater. */
	protected WorkOrderDetail replied(Unit unit, long order) {
		dispatched(unit, order);
		AsCaller.run(department(unit), () -> orders.verify(order, version(order), "评价人赵六", "电话", "属实"));
		AsCaller.run(department(unit), () -> orders.rectifyAtOnce(order, version(order), "已整改", List.of()));
		return AsCaller.run(department(unit), () -> orders.reply(order, version(order), "您好，已整改"));
	}

	protected WorkOrderDetail revisited(Unit unit, long order, RevisitOutcome outcome) {
		replied(unit, order);
		if (outcome == RevisitOutcome.UNREACHABLE) {
			for (int i = 0; i < 3; i++) {
				AsCaller.run(hotline(unit), () -> orders.recordCallAttempt(order, "无人接听"));
			}
		}
		return AsCaller.run(hotline(unit), () -> orders.revisit(order, version(order), outcome, "回访"));
	}

	protected long appealed(Unit unit, long order) {
		return AsCaller.run(department(unit),
				() -> appeals.file(new NewAppeal(order, "评价人当场表示误点", "现场监控", List.of())).id());
	}

	/** An appeal upheld as a mistaken rating; waits until the rating is excluded. */
	protected void upheld(Unit unit, long order, long evaluationId) {
		long appeal = appealed(unit, order);
		AsCaller.run(office(unit), () -> appeals.decide(appeal, new AppealDecision(AppealOutcome.MISTAKEN, "监控显示误操作")));
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from evl_exclusion where evaluation_id = :id")
			.param("id", evaluationId).query(Long.class).single() > 0);
	}

	protected int version(long order) {
		return orders.detail(order).version();
	}

	protected void awaitPending(String caseNo) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from evl_pending where case_no = :c")
			.param("c", caseNo).query(Integer.class).single() == 1);
	}

	/** Runs the unrated-cases job as of a moment (reminders, then defaults 4 working days later). */
	protected void unratedCasesJob(Instant asOf) {
		Http.Reply reply = admin.post("/api/v1/admin/jobs/unrated-cases/run?asOf=" + asOf, null);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
	}

	// ------------------------------------------------------------------------------------------------ people

	protected Caller hotline(Unit unit) {
		return person(Set.of(Role.HOTLINE), unit.region(), null);
	}

	protected Caller department(Unit unit) {
		return person(Set.of(Role.DEPARTMENT), unit.region(), unit.department());
	}

	protected Caller office(Unit unit) {
		return person(Set.of(Role.OFFICE), unit.region(), null);
	}

	protected static Caller person(Set<Role> roles, String region, String department) {
		long id = USER_IDS.incrementAndGet();
		return Caller.person(id, "stat" + id, roles, new RegionCode(region), department, null);
	}
}
