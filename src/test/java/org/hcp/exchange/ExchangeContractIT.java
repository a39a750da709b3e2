package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The fixed exchange contract of domain.md §11 as lower platforms use it. */
class ExchangeContractIT extends ServiceFixtures {

	private Map<String, Object> service(String projectNo, int serviceNumber) {
		return serviceRecord("980101", projectNo, serviceNumber);
	}


	private Http.Reply push(String kind, Object body) {
		return admin.post("/api/exchange/v1/" + kind, body);
	}

	@Test
	void a_service_and_its_evaluation_are_stored_and_read_back_for_reconciliation() {
		String projectNo = unique("P");
		assertThat(push("services", service(projectNo, 1)).status()).isEqualTo(201);
		Http.Reply pushed = push("evaluations", evaluationRecord(projectNo, 5, "511,512"));
		assertThat(pushed.status()).as(pushed.toString()).isEqualTo(201);
		assertThat(pushed.json().path("status").asString()).isEqualTo("accepted");

		JsonNode stored = admin.get("/api/exchange/v1/evaluations?projectNo=" + projectNo).json().path("evaluations").get(0);
		assertThat(stored.path("serviceNumber").asInt()).isEqualTo(1);
		assertThat(stored.path("pf").asInt()).isEqualTo(4);
		assertThat(stored.path("satisfaction").asInt()).isEqualTo(5);
		assertThat(stored.path("evalDetail").asString()).isEqualTo("511,512");
		assertThat(stored.path("assessTime").asString()).isEqualTo("2026-11-02 10:00:00");
		assertThat(stored.path("isDefault").asBoolean()).isFalse();
		assertThat(stored.path("mobile").asString()).isEqualTo("138****5678");
		assertThat(stored.path("userName").asString()).isEqualTo("张*");
	}

	@Test
	void a_repeated_record_is_a_409_and_changes_nothing() {
		String projectNo = unique("P");
		assertThat(push("services", service(projectNo, 1)).status()).isEqualTo(201);
		Http.Reply again = push("services", service(projectNo, 1));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(push("evaluations", evaluationRecord(projectNo, 4, "")).status()).isEqualTo(201);
		Http.Reply repeated = push("evaluations", evaluationRecord(projectNo, 1, "111"));
		assertThat(repeated.status()).isEqualTo(409);
		assertThat(repeated.json().path("code").asString()).isEqualTo("DUPLICATE_RATING");
		assertThat(admin.get("/api/exchange/v1/evaluations?projectNo=" + projectNo).json().path("evaluations").get(0)
			.path("satisfaction").asInt()).isEqualTo(4);
	}

	@Test
	void unknown_departments_and_items_are_registered_unverified() {
		String projectNo = unique("P");
		Map<String, Object> record = service(projectNo, 1);
		String item = unique("NEWITEM");
		String dept = "X" + unique("D");
		record.put("taskCode", item);
		record.put("deptCode", dept);
		record.put("areaCode", "980101099000");
		Http.Reply reply = push("services", record);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		JsonNode stored = admin.get("/api/v1/catalog/items/" + item).json();
		assertThat(stored.path("verified").asBoolean()).isFalse();
		assertThat(stored.path("name").asString()).isEqualTo("食品经营许可");
		assertThat(admin.get("/api/v1/catalog/departments/" + dept).json().path("verified").asBoolean()).isFalse();
		assertThat(admin.get("/api/v1/catalog/regions/980101099000").status()).isEqualTo(200);
	}

	@Test
	void a_refused_record_leaves_no_trace() {
		String projectNo = unique("P");
		Map<String, Object> record = service(projectNo, 1);
		String item = unique("GHOST");
		record.put("taskCode", item);
		record.put("acceptDate", "2026/11/02");
		Http.Reply reply = push("services", record);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("acceptDate");
		assertThat(reply.json().path("message").path("zh").asString()).isNotBlank();
		assertThat(admin.get("/api/v1/catalog/items/" + item).status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/cases/" + projectNo).status()).isEqualTo(404);
	}

	@Test
	void each_record_of_an_array_is_accepted_or_refused_on_its_own() {
		String a = unique("P");
		String b = unique("P");
		Http.Reply services = push("services", List.of(service(a, 1), service(b, 1), service(a, 1)));
		assertThat(services.status()).isEqualTo(200);
		assertThat(services.json().path("results").findValuesAsString("status"))
			.containsExactly("accepted", "accepted", "duplicate");

		Map<String, Object> badLevel = evaluationRecord(b, 9, "");
		Map<String, Object> wrongLevelIndicator = evaluationRecord(b, 2, "511");
		Http.Reply evaluations = push("evaluations",
				List.of(evaluationRecord(a, 5, ""), evaluationRecord(a, 4, ""), badLevel, wrongLevelIndicator, evaluationRecord("NOPE", 5, "")));
		assertThat(evaluations.status()).isEqualTo(200);
		JsonNode results = evaluations.json().path("results");
		assertThat(results.findValuesAsString("status"))
			.containsExactly("accepted", "duplicate", "rejected", "rejected", "rejected");
		assertThat(results.get(2).path("field").asString()).isEqualTo("satisfaction");
		assertThat(results.get(3).path("field").asString()).isEqualTo("evalDetail");
		assertThat(results.get(4).path("code").asString()).isEqualTo("UNKNOWN_SERVICE");
		assertThat(results.get(2).path("projectNo").asString()).isEqualTo(b);
		assertThat(results.get(2).path("message").path("en").asString()).isNotBlank();
		assertThat(storedRatings(b)).isZero();
		assertThat(evaluations.json().path("accepted").asInt()).isEqualTo(1);
	}

	@Test
	void the_first_records_of_one_case_arriving_together_are_both_stored() throws Exception {
		String projectNo = unique("P");
		Map<String, Object> accepted = service(projectNo, 1);
		accepted.put("proStatus", 1);
		accepted.put("serviceName", "受理");
		accepted.remove("resultDate");
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(() -> push("services", accepted).status());
			var second = pool.submit(() -> push("services", service(projectNo, 2)).status());
			assertThat(List.of(first.get(), second.get())).containsOnly(201);
		}
		finally {
			pool.shutdown();
		}
		JsonNode stored = admin.get("/api/v1/cases/" + projectNo).json();
		assertThat(stored.path("services").size()).isEqualTo(2);
		assertThat(stored.path("status").asString()).isEqualTo("COMPLETED");
	}

	@Test
	void a_record_naming_another_region_or_item_for_a_known_case_is_refused() {
		String projectNo = unique("P");
		assertThat(push("services", service(projectNo, 1)).status()).isEqualTo(201);
		Map<String, Object> moved = service(projectNo, 2);
		moved.put("taskCode", hall().onlineItem());
		Http.Reply reply = push("services", moved);
		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.json().path("code").asString()).isEqualTo("CASE_MISMATCH");
		assertThat(reply.errorFields()).containsExactly("taskCode");
		assertThat(admin.get("/api/v1/cases/" + projectNo).json().path("services").size()).isEqualTo(1);
	}

	@Test
	void a_handler_named_in_pro_manager_is_not_stored_unless_a_known_staff_member() {
		String named = unique("P");
		Map<String, Object> byName = service(named, 1);
		byName.put("proManager", "王小二");
		assertThat(push("services", byName).status()).isEqualTo(201);
		assertThat(admin.get("/api/v1/cases/" + named).text()).doesNotContain("王小二");
		String known = unique("P");
		Map<String, Object> byStaffNo = service(known, 1);
		byStaffNo.put("proManager", hall().staffNo());
		assertThat(push("services", byStaffNo).status()).isEqualTo(201);
		assertThat(admin.get("/api/v1/cases/" + known).json().path("services").get(0).path("staffNo").asString())
			.isEqualTo(hall().staffNo());
	}

	@Test
	void cases_pushed_by_a_lower_platform_are_not_invited_or_defaulted_here() {
		String projectNo = unique("P");
		assertThat(push("services", service(projectNo, 1)).status()).isEqualTo(201);
		org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(800)).atMost(java.time.Duration.ofSeconds(3))
			.until(() -> jdbc.sql("select count(*) from evl_pending where case_no = :c").param("c", projectNo)
				.query(Integer.class).single() == 0);
	}

	@Test
	void a_control_character_is_refused_naming_the_field() {
		String projectNo = unique("P");
		Map<String, Object> record = service(projectNo, 1);
		record.put("userName", "张\u0000三");
		Http.Reply reply = push("services", record);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("userName");
	}

	@Test
	void the_envelope_of_the_national_format_is_unwrapped() {
		String projectNo = unique("P");
		Http.Reply reply = push("services", Map.of("txnBodyCom", service(projectNo, 1), "txnCommCom", Map.of()));
		assertThat(reply.status()).isEqualTo(201);
	}

	@Test
	void a_key_limited_to_one_region_cannot_push_records_of_another() {
		String key = admin.post("/api/v1/admin/api-keys", Map.of("name", "下级平台", "role", "PLATFORM",
				"regionCode", "980102")).json().path("key").asString();
		Http.Reply reply = admin.as(key).post("/api/exchange/v1/services", service(unique("P"), 1));
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.json().path("code").asString()).isEqualTo("OUT_OF_SCOPE");
		assertThat(admin.as(key).get("/api/v1/admin/jobs").status()).isEqualTo(403);
		assertThat(admin.as("wrong-key").post("/api/exchange/v1/services", service(unique("P"), 1)).status()).isEqualTo(401);
	}

	@Test
	void an_admin_key_cannot_be_limited_to_a_region() {
		Http.Reply reply = admin.post("/api/v1/admin/api-keys", Map.of("name", "区管理员", "role", "ADMIN", "regionCode", "980101"));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("regionCode");
	}

	@Test
	void a_revoked_key_is_refused_and_keys_are_listed_without_secrets() {
		JsonNode created = admin.post("/api/v1/admin/api-keys", Map.of("name", "待吊销", "role", "PLATFORM")).json();
		String key = created.path("key").asString();
		assertThat(admin.as(key).get("/api/v1/calendar/years").status()).isEqualTo(200);
		assertThat(admin.get("/api/v1/admin/api-keys").text()).contains("待吊销").doesNotContain(key);
		assertThat(admin.delete("/api/v1/admin/api-keys/" + created.path("id").asLong()).status()).isEqualTo(204);
		assertThat(admin.as(key).get("/api/v1/calendar/years").status()).isEqualTo(401);
		assertThat(admin.delete("/api/v1/admin/api-keys/" + created.path("id").asLong()).status()).isEqualTo(404);
	}

	@Test
	void the_api_key_is_stored_hashed() {
		String key = admin.post("/api/v1/admin/api-keys", Map.of("name", "业务系统", "role", "PLATFORM")).json().path("key")
			.asString();
		assertThat(key).startsWith("hcp_");
		assertThat(jdbc.sql("select count(*) from sec_api_key where position(convert_to(:k, 'UTF8') in key_hash) > 0")
			.param("k", key).query(Integer.class).single()).isZero();
		assertThat(admin.as(key).get("/api/v1/calendar/years").status()).isEqualTo(200);
	}

	private int storedCases(String projectNo) {
		return jdbc.sql("select count(*) from cas_case where case_no = :c").param("c", projectNo).query(Integer.class).single();
	}

	@Test
	void a_mixed_array_answers_each_record_on_its_own_and_stores_only_the_accepted() {
		String known = unique("P");
		assertThat(push("services", service(known, 1)).status()).isEqualTo(201);
		String fresh = unique("P");
		String twice = unique("P");
		String invalid = unique("P");
		Map<String, Object> bad = service(invalid, 1);
		bad.put("serviceTime", "yesterday");
		Map<String, Object> accepting = service(twice, 1);
		accepting.put("proStatus", 1);
		accepting.remove("resultDate");
		Map<String, Object> otherItem = service(known, 3);
		otherItem.put("taskCode", hall().onlineItem());
		Http.Reply reply = push("services", List.of(service(fresh, 1), bad, service(known, 1), accepting,
				service(twice, 2), service(known, 2), service(twice, 2), otherItem, service("BAD NO", 1),
				service(unique("P") + "\u0000", 1)));
		assertThat(reply.status()).isEqualTo(200);
		JsonNode results = reply.json().path("results");
		assertThat(results.findValuesAsString("status")).containsExactly("accepted", "rejected", "duplicate", "accepted",
				"accepted", "accepted", "duplicate", "duplicate", "rejected", "rejected");
		assertThat(results.get(1).path("field").asString()).isEqualTo("serviceTime");
		assertThat(results.get(7).path("code").asString()).isEqualTo("CASE_MISMATCH");
		assertThat(results.get(8).path("field").asString()).isEqualTo("projectNo");
		assertThat(results.get(9).path("field").asString()).isEqualTo("projectNo");
		assertThat(reply.json().path("accepted").asInt()).isEqualTo(4);
		assertThat(storedCases(invalid)).isZero();
		assertThat(storedCases("BAD NO")).isZero();
		JsonNode both = admin.get("/api/v1/cases/" + twice).json();
		assertThat(both.path("services").size()).isEqualTo(2);
		assertThat(both.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(admin.get("/api/v1/cases/" + known).json().path("services").size()).isEqualTo(2);
	}
}
