package org.hcp.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;

/** Business systems report cases and visits; every reported code and time is checked before anything is stored. */
class CaseApiIT extends ServiceFixtures {

	@Test
	void a_case_is_registered_with_its_service_events_and_the_applicant_masked() {
		var c = aCase().promised().visit(0).visit(30);
		Http.Reply created = admin.post("/api/v1/cases", null);
		assertThat(created.status()).isIn(400, 422);
		var json = c.create();
		assertThat(json.path("services").size()).isEqualTo(2);
		assertThat(json.path("applicantName").asString()).isEqualTo("李*");
		assertThat(json.toString()).doesNotContain("110101199003074512");
	}

	@Test
	void a_visit_completing_a_case_in_the_future_is_refused() {
		var c = aCase().promised();
		c.create();
		Http.Reply reply = admin.post("/api/v1/cases/" + c.caseNo() + "/services", Map.of("serviceNo", 2, "name", "办结",
				"at", OffsetDateTime.now().minusMinutes(1).toString(), "completedAt", OffsetDateTime.now().plusDays(1).toString()));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("completedAt");
		assertThat(admin.get("/api/v1/cases/" + c.caseNo()).json().path("status").asString()).isEqualTo("ACCEPTED");
	}

	@Test
	void a_repeated_visit_number_is_refused() {
		var c = aCase().promised();
		c.create();
		Http.Reply again = admin.post("/api/v1/cases/" + c.caseNo() + "/services", Map.of("serviceNo", 1, "name", "现场服务",
				"at", OffsetDateTime.now().minusMinutes(1).toString()));
		assertThat(again.status()).isEqualTo(409);
		assertThat(admin.post("/api/v1/cases/NO-SUCH-CASE/services", Map.of("serviceNo", 2, "name", "现场服务",
				"at", OffsetDateTime.now().toString())).status()).isEqualTo(404);
	}

	@Test
	void two_service_events_with_one_number_in_a_new_case_are_refused() {
		Map<String, Object> visit = Map.of("serviceNo", 1, "name", "受理", "at", OffsetDateTime.now().minusHours(1).toString());
		Http.Reply reply = admin.post("/api/v1/cases", Map.of("caseNo", unique("CASE"), "itemCode", hall().item(),
				"regionCode", hall().region(), "caseType", "PROMISED", "applyChannel", "WINDOW",
				"applicant", Map.of("type", 1, "name", "李四"), "acceptedAt", OffsetDateTime.now().minusHours(2).toString(),
				"services", java.util.List.of(visit, visit)));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("services[1].serviceNo");
	}

	@Test
	void unknown_catalog_codes_are_refused_naming_each_field() {
		Http.Reply reply = admin.post("/api/v1/cases", Map.of("caseNo", unique("CASE"), "itemCode", "NOSUCHITEM",
				"departmentCode", "NOSUCHDEPT", "regionCode", "980199", "caseType", "ON_THE_SPOT", "applyChannel", "WINDOW",
				"applicant", Map.of("type", 1, "name", "李四"), "acceptedAt", OffsetDateTime.now().minusHours(2).toString(),
				"services", java.util.List.of(Map.of("serviceNo", 1, "name", "受理", "at",
						OffsetDateTime.now().minusHours(1).toString(), "staffNo", "NOSUCHSTAFF"))));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).contains("regionCode", "itemCode", "departmentCode", "services[0].staffNo");
	}

	private Map<String, Object> newCase(String caseNo) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("itemCode", hall().item(), "regionCode", hall().region(),
				"caseType", "PROMISED", "applyChannel", "WINDOW", "applicant", Map.of("type", 1, "name", "李四"),
				"acceptedAt", OffsetDateTime.now().minusHours(2).toString(), "services", java.util.List.of(Map.of(
						"serviceNo", 1, "name", "受理", "at", OffsetDateTime.now().minusHours(1).toString()))));
		body.put("caseNo", caseNo);
		return body;
	}

	private int storedCases(String caseNo) {
		return jdbc.sql("select count(*) from cas_case where case_no = :c").param("c", caseNo).query(Integer.class).single();
	}

	@Test
	void a_case_number_with_a_space_or_a_quote_is_refused_before_anything_is_stored() {
		for (String sign : java.util.List.of(" ", "'", "\"", "|", "{", "^", "/", "%")) {
			String caseNo = unique("CASE") + sign + "1";
			Http.Reply reply = admin.post("/api/v1/cases", newCase(caseNo));
			assertThat(reply.status()).as(caseNo).isEqualTo(422);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.errorFields()).containsExactly("caseNo");
			assertThat(storedCases(caseNo)).isZero();
		}
	}

	@Test
	void a_nul_in_the_case_number_is_a_422_naming_the_field() {
		String caseNo = unique("CASE") + "\u0000";
		Http.Reply reply = admin.post("/api/v1/cases", newCase(caseNo));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("caseNo");
		assertThat(storedCases(caseNo.replace("\u0000", ""))).isZero();
	}

	@Test
	void the_location_of_a_registered_case_is_its_address() throws Exception {
		String caseNo = unique("ZJ_2026.11-");
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/cases"))
			.header("X-API-Key", ADMIN_KEY).header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(newCase(caseNo)))).build();
		var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/api/v1/cases/" + caseNo);
		assertThat(admin.get(location.substring(location.indexOf("/api/"))).json().path("caseNo").asString()).isEqualTo(caseNo);
	}

	@Test
	void a_malformed_case_number_in_a_path_is_a_422_naming_the_field() {
		Http.Reply reply = admin.get("/api/v1/cases/A%20B");
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("caseNo");
		Http.Reply visit = admin.post("/api/v1/cases/A%27B/services", Map.of("serviceNo", 2, "name", "现场服务",
				"at", OffsetDateTime.now().toString()));
		assertThat(visit.status()).isEqualTo(422);
		assertThat(visit.errorFields()).containsExactly("caseNo");
	}

	@Test
	void a_visit_to_a_completed_case_is_refused() {
		var c = aCase().promised().visit(0).completedAfter(30);
		c.create();
		Http.Reply reply = admin.post("/api/v1/cases/" + c.caseNo() + "/services", Map.of("serviceNo", 9, "name", "现场服务",
				"at", OffsetDateTime.now().minusMinutes(1).toString()));
		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.json().path("code").asString()).isEqualTo("CASE_COMPLETED");
		assertThat(admin.get("/api/v1/cases/" + c.caseNo()).json().path("services").size()).isEqualTo(1);
	}
}
