package org.hcp.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.hcp.support.Http;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** 监督查评 findings and 综合点评 comments, recorded against the catalog (domain §9). */
class FindingIT extends SupervisionFixtures {

	@Test
	void a_finding_against_an_unknown_window_is_refused_and_nothing_stored() {
		String marker = unique("暗访记录");
		Map<String, Object> body = finding("MYSTERY_VISIT", marker);
		body.put("windowCode", "NO-SUCH-WINDOW");
		body.put("problem", true);

		Http.Reply reply = admin.post("/api/v1/supervision/findings", body);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
		assertThat(reply.errorFields()).contains("windowCode");
		assertThat(count("select count(*) from sup_finding where description = :d", "d", marker)).isZero();
		assertThat(count("select count(*) from sup_audit where detail like :d", "d", "%" + marker + "%")).isZero();
	}

	@Test
	void a_finding_marked_as_a_problem_opens_a_work_order_on_the_same_path() {
		Map<String, Object> body = finding("MYSTERY_VISIT", "暗访发现窗口推诿");
		body.put("staffNo", hall().staffNo());
		body.put("problem", true);

		Http.Reply reply = admin.post("/api/v1/supervision/findings", body);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		long findingId = reply.json().path("id").asLong();
		long orderId = reply.json().path("workOrderId").asLong();
		assertThat(orderId).isPositive();
		assertThat(count("select work_order_id from sup_finding_order where finding_id = :f", "f", findingId))
			.isEqualTo(orderId);
		JsonNode order = admin.get("/api/v1/work-orders/" + orderId).json();
		assertThat(order.path("order").path("source").asString()).isEqualTo("FINDING");
		assertThat(order.path("order").path("departmentCode").asString()).isEqualTo(hall().department());
		assertThat(order.path("order").path("regionCode").asString()).isEqualTo(hall().region());
		assertThat(order.path("order").path("state").asString()).as("checked when found: dispatched at once")
			.isEqualTo("DISPATCHED");
		assertThat(order.path("order").path("deadline").isMissingNode()).as("the verification deadline runs").isFalse();
		assertThat(order.path("deadlineStep").asString()).isEqualTo("VERIFY");
		assertThat(order.path("summary").asString()).contains("暗访发现窗口推诿");
		JsonNode audit = admin.get("/api/v1/supervision/findings/" + findingId + "/audit").json();
		assertThat(audit.get(1).path("action").asString()).isEqualTo("open-work-order");
	}

	@Test
	void a_comment_marked_as_a_problem_opens_a_work_order_as_a_comment() {
		Map<String, Object> body = finding("COMPLAINT_WINDOW", "吐槽：取号机故障无人处理");
		body.put("institutionCode", hall().institution());
		body.put("departmentCode", hall().department());
		body.put("problem", true);
		Http.Reply reply = admin.post("/api/v1/supervision/comments", body);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		JsonNode order = admin.get("/api/v1/work-orders/" + reply.json().path("workOrderId").asLong()).json();
		assertThat(order.path("order").path("source").asString()).isEqualTo("COMMENT");
		assertThat(order.path("institutionCode").asString()).isEqualTo(hall().institution());
	}

	@Test
	void a_finding_against_a_window_takes_the_region_of_its_institution() {
		Map<String, Object> body = finding("INSPECTION", "窗口人员脱岗");
		body.put("windowCode", hall().window());

		Http.Reply reply = admin.post("/api/v1/supervision/findings", body);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		JsonNode f = reply.json();
		assertThat(f.path("regionCode").asString()).isEqualTo(hall().region());
		assertThat(f.path("source").asString()).isEqualTo("FINDING");
		assertThat(f.path("problem").asBoolean()).isFalse();
		assertThat(f.path("workOrderId").isMissingNode()).isTrue();
		assertThat(admin.get("/api/v1/supervision/findings/" + f.path("id").asLong()).status()).isEqualTo(200);
		assertThat(admin.get("/api/v1/supervision/comments/" + f.path("id").asLong()).status()).isEqualTo(404);
		JsonNode audit = admin.get("/api/v1/supervision/findings/" + f.path("id").asLong() + "/audit").json();
		assertThat(audit.get(0).path("action").asString()).isEqualTo("record");
	}

	@Test
	void a_finding_against_a_staff_member_names_their_department_and_region() {
		Map<String, Object> body = finding("QUESTIONNAIRE", "群众反映态度生硬");
		body.put("staffNo", hall().staffNo());
		JsonNode f = admin.post("/api/v1/supervision/findings", body).json();
		assertThat(f.path("departmentCode").asString()).isEqualTo(hall().department());
		assertThat(f.path("regionCode").asString()).isEqualTo(hall().region());
	}

	@Test
	void a_finding_against_an_item_alone_needs_a_region() {
		Map<String, Object> body = finding("DEPUTY_EXPERIENCE", "办事指南与实际要求不一致");
		body.put("itemCode", hall().item());
		Http.Reply without = admin.post("/api/v1/supervision/findings", body);
		assertThat(without.status()).isEqualTo(422);
		assertThat(without.errorFields()).containsExactly("regionCode");
		body.put("regionCode", hall().region());
		Http.Reply with = admin.post("/api/v1/supervision/findings", body);
		assertThat(with.status()).as(with.toString()).isEqualTo(201);
		assertThat(with.json().path("departmentCode").asString()).isEqualTo(hall().department());
	}

	@Test
	void a_window_of_another_institution_is_refused() {
		Map<String, Object> body = finding("INSPECTION", "x");
		body.put("windowCode", hall().window());
		body.put("institutionCode", newInstitution(hall().region()));
		Http.Reply reply = admin.post("/api/v1/supervision/findings", body);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("windowCode");
	}

	@Test
	void a_comment_kind_is_not_a_finding_kind() {
		Map<String, Object> body = finding("SUGGESTION_BOX", "x");
		body.put("windowCode", hall().window());
		assertThat(admin.post("/api/v1/supervision/findings", body).errorFields()).containsExactly("kind");
		Http.Reply comment = admin.post("/api/v1/supervision/comments", body);
		assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
		assertThat(comment.json().path("source").asString()).isEqualTo("COMMENT");
	}

	@Test
	void a_problem_without_a_responsible_department_is_refused() {
		Map<String, Object> body = finding("MYSTERY_VISIT", "大厅无引导");
		body.put("institutionCode", hall().institution());
		body.put("problem", true);
		Http.Reply reply = admin.post("/api/v1/supervision/findings", body);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("departmentCode");
	}

	@Test
	void a_finding_observed_in_the_future_is_refused() {
		Map<String, Object> body = finding("INSPECTION", "x");
		body.put("windowCode", hall().window());
		body.put("observedOn", "2999-01-01");
		assertThat(admin.post("/api/v1/supervision/findings", body).errorFields()).containsExactly("observedOn");
	}

	static Map<String, Object> finding(String kind, String description) {
		Map<String, Object> body = new HashMap<>();
		body.put("kind", kind);
		body.put("observedOn", "2026-11-02");
		body.put("description", description);
		return body;
	}
}
