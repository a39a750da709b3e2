package org.hcp.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.hcp.calendar.WorkingCalendar;
import org.hcp.calendar.WorkingDays;
import org.hcp.rectification.WorkOrderView;
import org.hcp.rectification.WorkOrders;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.RegionCode;
import org.hcp.support.AsCaller;
import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Work orders of real bad ratings of the test hall, dispatched to its department by a 12345 operator, and the people
 * of an appeal: the rated staff member, the department, the office — each a caller exactly as a signed-in person's
 * authentication carries it.
 */
abstract class AppealFixtures extends ServiceFixtures {

	private static final AtomicLong USER_IDS = new AtomicLong(700_000);

	static final byte[] PNG = EvidenceRulesTest.PNG;
	static final byte[] PDF = EvidenceRulesTest.PDF;

	@Autowired
	protected WorkOrders orders;

	@Autowired
	protected Appeals appeals;

	@Autowired
	protected FilingAppeal filing;

	@Autowired
	protected DecidingAppeal deciding;

	@Autowired
	protected WorkingCalendar calendar;

	/** The rater of {@link #dispatchedBadReview()}. */
	protected record Rated(WorkOrderView order, String raterName, String raterMobile, String raterId) {
	}

	/** A completed case of the test hall rated 1 star, its order dispatched to the department (received now). */
	protected Rated dispatchedBadReview() {
		var c = aCase().completedAfter(5);
		c.create();
		String mobile = randomMobile();
		String id = "11010119800101" + String.format("%04d", (int) (USER_IDS.incrementAndGet() % 10_000));
		Http.Reply rated = rate(rating(c.caseNo(), 1, "comment", "故意刁难", "rater",
				Map.of("name", "钱七", "mobile", mobile, "certNo", id)));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
		long evaluationId = rated.json().path("evaluations").get(0).path("id").asLong();
		await().atMost(Duration.ofSeconds(20)).until(() -> orders.forEvaluation(evaluationId).isPresent());
		long orderId = orders.forEvaluation(evaluationId).orElseThrow().id();
		AsCaller.run(hotline(), () -> orders.dispatch(orderId, orders.detail(orderId).version()));
		return new Rated(orders.find(orderId), "钱七", mobile, id);
	}

	/** A sibling county of the test county, in the catalog: where people of "another region" belong. */
	protected String otherCounty() {
		String code = "980102000000";
		if (admin.get("/api/v1/catalog/regions/" + code).status() == 404) {
			assertThat(admin.post("/api/v1/catalog/regions", Map.of("code", code, "name", "邻县")).status()).isIn(201, 409);
		}
		return code;
	}

	/** Another staff member of the test hall, in the catalog (not the one the bad reviews rate). */
	protected String otherStaffNo() {
		String staffNo = unique("STF");
		String id = "980101199002" + String.format("%05d", USER_IDS.incrementAndGet() % 100_000) + "X";
		assertThat(admin.post("/api/v1/catalog/staff", Map.of("staffNo", staffNo, "name", "孙八", "idNumber", id,
				"mobile", randomMobile(), "institutionCode", hall().institution(), "windowCode", hall().window(),
				"departmentCode", hall().department())).status()).isEqualTo(201);
		return staffNo;
	}

	protected Caller staff() {
		return person(Set.of(Role.STAFF), hall().region(), null, hall().staffNo());
	}

	protected Caller department() {
		return person(Set.of(Role.DEPARTMENT), hall().region(), hall().department(), null);
	}

	protected Caller office() {
		return person(Set.of(Role.OFFICE), hall().region(), null, null);
	}

	protected Caller hotline() {
		return person(Set.of(Role.HOTLINE), hall().region(), null, null);
	}

	protected static Caller person(Set<Role> roles, String region, String department, String staffNo) {
		long id = USER_IDS.incrementAndGet();
		return Caller.person(id, "user" + id, roles, region == null ? null : RegionCode.parse("region", region), department, staffNo);
	}

	protected static NewAppeal appealOf(WorkOrderView order, NewAppeal.Attachment... files) {
		return new NewAppeal(order.id(), "评价人在窗口当场表示误点了一星", "现场监控截图与评价人签字说明", List.of(files));
	}

	/** 10:00 China time on the N-th working day after the order was received. */
	protected Instant onWorkingDay(WorkOrderView order, int n) {
		LocalDate day = calendar.plusWorkingDays(ChinaTime.dateOf(order.receivedAt()), WorkingDays.of(n));
		return ChinaTime.startOf(day).plus(Duration.ofHours(10));
	}

	protected long file(Caller who, WorkOrderView order, NewAppeal.Attachment... files) {
		return AsCaller.run(who, () -> filing.file(appealOf(order, files)));
	}

	protected WorkOrderView order(long id) {
		return orders.find(id);
	}

	protected long count(String sql, Object id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}
}
