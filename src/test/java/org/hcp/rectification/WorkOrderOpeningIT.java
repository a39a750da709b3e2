package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hcp.evaluation.BadReviewReceived;
import org.hcp.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 谁办理、谁负责: which orders a bad rating opens, exactly once, and what a good rating opens (nothing). */
class WorkOrderOpeningIT extends WorkOrderFixtures {

	@Autowired
	OpeningWorkOrders opening;

	@Test
	void a_re_delivered_bad_review_received_opens_nothing_new() {
		long id = badReview();
		var link = jdbc.sql("select evaluation_id, case_id, case_no from rct_order_rating where order_id = :id").param("id", id)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		String caseNo = current(id).order().caseNos().get(0);
		long before = orderCount();
		long again = opening.open(new BadReviewReceived(link[0], link[1], caseNo, 1, hall().department(),
				hall().staffNo(), java.time.Instant.now()));
		assertThat(again).isEqualTo(id);
		assertThat(orderCount()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from rct_order_rating where order_id = :id").param("id", id).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from rct_audit where order_id = :id and action = 'open'").param("id", id)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void the_ratings_of_one_group_and_department_arriving_at_once_open_one_order() throws Exception {
		UUID group = UUID.randomUUID();
		String department = hall().department();
		long first = 990_000_000L + System.nanoTime() % 1_000_000 * 10;
		var c1 = aCase().completedAfter(5);
		var c2 = aCase().completedAfter(5);
		long id1 = jdbc.sql("select id from cas_case where case_no = :c").param("c", c1.create().path("caseNo").asString())
			.query(Long.class).single();
		long id2 = jdbc.sql("select id from cas_case where case_no = :c").param("c", c2.create().path("caseNo").asString())
			.query(Long.class).single();
		var a = new Thread(() -> opening.open(event(first, id1, c1.caseNo(), group, department)));
		var b = new Thread(() -> opening.open(event(first + 1, id2, c2.caseNo(), group, department)));
		a.start();
		b.start();
		a.join();
		b.join();
		List<Long> orderIds = jdbc.sql("select distinct order_id from rct_order_rating where evaluation_id in (:a, :b)")
			.param("a", first).param("b", first + 1).query(Long.class).list();
		assertThat(orderIds).hasSize(1);
		assertThat(current(orderIds.get(0)).order().caseNos()).containsExactlyInAnyOrder(c1.caseNo(), c2.caseNo());
	}

	@Test
	void a_batch_bad_rating_opens_one_order_for_its_department_referencing_every_case() {
		String batch = unique("B");
		var c1 = aCase().batch(batch).completedAfter(5);
		c1.create();
		var c2 = aCase().batch(batch).completedAfter(5);
		c2.create();
		Http.Reply rated = rate(rating(c1.caseNo(), 2, "comment", "等候时间长"));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
		long id = orderOf(c1.caseNo());
		await().atMost(Duration.ofSeconds(20)).until(() -> current(id).order().caseNos().size() == 2);
		assertThat(orderOf(c2.caseNo())).isEqualTo(id);
		assertThat(current(id).order().evaluationIds()).hasSize(2);
	}

	@Test
	void a_chain_bad_rating_opens_one_order_per_responsible_department() {
		String chain = unique("L");
		var own = aCase().chain(chain).completedAfter(5);
		own.create();
		String otherDepartment = newDepartment(hall().region());
		String otherCase = caseOf(otherDepartment, newItem(otherDepartment), chain);
		Http.Reply rated = rate(rating(own.caseNo(), 1, "comment", "跑了三次", "wholeChain", true));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
		long ownOrder = orderOf(own.caseNo());
		long otherOrder = orderOf(otherCase);
		assertThat(ownOrder).isNotEqualTo(otherOrder);
		assertThat(current(ownOrder).order().departmentCode()).isEqualTo(hall().department());
		assertThat(current(otherOrder).order().departmentCode()).isEqualTo(otherDepartment);
	}

	@Test
	void a_good_rating_opens_no_order() {
		var c = aCase().completedAfter(5);
		c.create();
		assertThat(rate(rating(c.caseNo(), 3)).status()).isEqualTo(201);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
				"select count(*) from rct_order_rating where case_no = :c").param("c", c.caseNo()).query(Long.class).single() == 0);
	}

	@Test
	void a_bad_rating_through_the_exchange_opens_an_order_too() {
		String projectNo = unique("P");
		assertThat(admin.post("/api/exchange/v1/services", serviceRecord(hall().region(), projectNo, 1)).status()).isEqualTo(201);
		Map<String, Object> bad = new HashMap<>(evaluationRecord(projectNo, 1, ""));
		bad.put("writingEvaluation", "窗口态度差");
		Http.Reply rated = admin.post("/api/exchange/v1/evaluations", List.of(bad));
		assertThat(rated.json().path("results").get(0).path("status").asString()).as(rated.toString()).isEqualTo("accepted");
		assertThat(rated.status()).as(rated.toString()).isBetween(200, 201);
		long id = orderOf(projectNo);
		assertThat(current(id).order().departmentCode()).isEqualTo(hall().department());
		assertThat(current(id).raterMobile()).isEqualTo("138****5678");
	}

	private BadReviewReceived event(long evaluationId, long caseId, String caseNo, UUID group, String department) {
		return new BadReviewReceived(evaluationId, caseId, caseNo, 1, department, hall().staffNo(), java.time.Instant.now(),
				group, hall().region(), hall().item(), hall().window(), 1, "批量差评", null);
	}

	private long orderCount() {
		return jdbc.sql("select count(*) from rct_work_order").query(Long.class).single();
	}

	/** A completed case of another department in the test county, in the given chain. */
	private String caseOf(String department, String item, String chain) {
		OffsetDateTime accepted = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).withNano(0);
		Map<String, Object> body = new HashMap<>();
		String caseNo = unique("CASE");
		body.put("caseNo", caseNo);
		body.put("itemCode", item);
		body.put("departmentCode", department);
		body.put("regionCode", hall().region());
		body.put("caseType", "ON_THE_SPOT");
		body.put("applyChannel", "WINDOW");
		body.put("chainNo", chain);
		body.put("applicant", Map.of("type", 1, "name", "李四", "certType", "111", "certNo", "110101199003074512",
				"mobile", randomMobile()));
		body.put("acceptedAt", accepted.toString());
		body.put("completedAt", accepted.plusMinutes(5).toString());
		body.put("services", List.of(Map.of("serviceNo", 1, "name", "受理", "at", accepted.toString())));
		Http.Reply reply = admin.post("/api/v1/cases", body);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return caseNo;
	}
}
