package org.hcp.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.hcp.catalog.CatalogFixtures;
import org.hcp.support.Http;
import org.hcp.support.People;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Who may do and see what in supervision: roles, the region and everything below it, the holder of a call. */
class SupervisionScopeIT extends SupervisionFixtures {

	@Test
	void an_office_of_another_region_cannot_see_them() {
		People people = new People(port);
		String township = newTownship();
		completedCases(township, Q2_DAY, 2);
		JsonNode sample = drawn(township, "2026Q2", List.of());
		long call = sample.path("cases").get(0).path("callTaskId").asLong();
		JsonNode finding = admin.post("/api/v1/supervision/findings", windowFinding(unique("查评"))).json();
		People.Api other = people.office(newTownship()).api();

		assertThat(other.get("/api/v1/supervision/samples/" + sample.path("id").asLong()).status()).isEqualTo(403);
		assertThat(other.get("/api/v1/supervision/samples/" + sample.path("id").asLong() + "/verification").status())
			.isEqualTo(403);
		assertThat(other.get("/api/v1/supervision/calls/" + call).status()).isEqualTo(403);
		assertThat(other.get("/api/v1/supervision/findings/" + finding.path("id").asLong()).status()).isEqualTo(403);
		assertThat(other.get("/api/v1/supervision/revisit-results?regionCode=" + township + "&quarter=2026Q2").status())
			.isEqualTo(403);
		assertThat(other.get("/api/v1/supervision/calls?regionCode=" + township).status()).isEqualTo(403);
		assertThat(other.get("/api/v1/supervision/samples").text()).doesNotContain(township);
		assertThat(other.get("/api/v1/supervision/calls").text()).doesNotContain(township);
		assertThat(other.get("/api/v1/supervision/findings?size=500").text())
			.doesNotContain(finding.path("description").asString());
		Http.Reply draw = other.post("/api/v1/supervision/samples", Map.of("regionCode", township, "quarter", "2026Q3"));
		assertThat(draw.status()).isEqualTo(403);
		assertThat(count("select count(*) from sup_sample where region_code = :r", "r", township)).isEqualTo(1);
	}

	@Test
	void an_office_sees_its_region_and_everything_below() {
		People people = new People(port);
		String township = newTownship();
		completedCases(township, Q2_DAY, 2);
		JsonNode sample = drawn(township, "2026Q2", List.of());
		People.Api city = people.office(CatalogFixtures.CITY).api();

		assertThat(city.get("/api/v1/supervision/samples/" + sample.path("id").asLong()).status()).isEqualTo(200);
		assertThat(city.get("/api/v1/supervision/samples?quarter=2026Q2&size=500").text()).contains(township);
		JsonNode counts = city.get("/api/v1/supervision/revisit-results?regionCode=" + CatalogFixtures.CITY
				+ "&quarter=2026Q2").json();
		assertThat(counts.path("drawn").asLong()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void an_office_draws_the_sample_of_its_region_and_the_draw_names_it() {
		People people = new People(port);
		String township = newTownship();
		completedCases(township, Q2_DAY, 2);
		People.Person office = people.office(township);
		Http.Reply reply = office.api().post("/api/v1/supervision/samples", Map.of("regionCode", township,
				"quarter", "2026Q2"));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(reply.json().path("drawnBy").asString()).isEqualTo(office.login());
		assertThat(reply.json().path("drawnRole").asString()).isEqualTo("OFFICE");
	}

	@Test
	void a_department_handler_neither_draws_nor_sees_samples() {
		People people = new People(port);
		People.Api handler = people.department(hall().region(), hall().department()).api();
		assertThat(handler.get("/api/v1/supervision/samples").status()).isEqualTo(403);
		assertThat(handler.post("/api/v1/supervision/samples", Map.of("regionCode", hall().region(), "quarter", "2026Q1"))
			.json().path("code").asString()).isEqualTo("ROLE_REQUIRED");
	}

	@Test
	void the_reveal_is_audited_with_who_and_their_role_and_the_call_is_theirs_from_then_on() {
		People people = new People(port);
		String township = newTownship();
		completedCases(township, Q2_DAY, 1);
		long call = drawn(township, "2026Q2", List.of()).path("cases").get(0).path("callTaskId").asLong();
		People.Person operator = people.hotline(township);
		People.Person colleague = people.hotline(township);

		Http.Reply reveal = operator.api().post("/api/v1/supervision/calls/" + call + "/reveal", null);

		assertThat(reveal.status()).as(reveal.toString()).isEqualTo(200);
		List<Map<String, Object>> audit = jdbc.sql("""
				select action, actor, actor_user, actor_role from sup_audit where subject = 'CALL' and subject_id = :t
				order by id""").param("t", call).query().listOfRows();
		assertThat(audit).extracting(r -> r.get("action")).containsExactly("claim", "reveal-mobile");
		assertThat(audit.get(1)).containsEntry("actor", operator.login()).containsEntry("actor_role", "HOTLINE")
			.containsEntry("actor_user", operator.id());
		Http.Reply refused = colleague.api().post("/api/v1/supervision/calls/" + call + "/reveal", null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("code").asString()).isEqualTo("NOT_YOUR_CALL");
		assertThat(colleague.api().post("/api/v1/supervision/calls/" + call + "/attempts", Map.of("result", "SATISFIED"))
			.status()).isEqualTo(403);
		assertThat(count("select count(*) from sup_audit where subject = 'CALL' and subject_id = :t", "t", call))
			.isEqualTo(2);
	}

	@Test
	void an_office_gives_a_call_only_to_an_operator_or_assessor_of_its_region() {
		People people = new People(port);
		String township = newTownship();
		completedCases(township, Q2_DAY, 1);
		long call = drawn(township, "2026Q2", List.of()).path("cases").get(0).path("callTaskId").asLong();
		People.Api office = people.office(township).api();
		People.Person assessor = people.assessor(township);
		People.Person elsewhere = people.hotline(newTownship());
		People.Person handler = people.department(hall().region(), hall().department());

		assertThat(office.post("/api/v1/supervision/calls/" + call + "/assign", Map.of("assigneeId", elsewhere.id()))
			.status()).isEqualTo(422);
		assertThat(office.post("/api/v1/supervision/calls/" + call + "/assign", Map.of("assigneeId", handler.id()))
			.status()).isEqualTo(422);
		Http.Reply given = office.post("/api/v1/supervision/calls/" + call + "/assign", Map.of("assigneeId", assessor.id()));
		assertThat(given.status()).as(given.toString()).isEqualTo(200);
		assertThat(given.json().path("assigneeId").asLong()).isEqualTo(assessor.id());
		Http.Reply answered = assessor.api().post("/api/v1/supervision/calls/" + call + "/attempts",
				Map.of("result", "SATISFIED", "comment", "满意"));
		assertThat(answered.json().path("outcome").asString()).isEqualTo("SATISFIED");
		assertThat(jdbc.sql("select recorded_by from sup_revisit_result where task_id = :t").param("t", call)
			.query(String.class).single()).isEqualTo(assessor.login());
	}

	@Test
	void findings_are_recorded_by_offices_and_assessors_and_comments_by_offices_and_operators() {
		People people = new People(port);
		People.Api operator = people.hotline(hall().region()).api();
		People.Api assessor = people.assessor(hall().region()).api();
		Map<String, Object> finding = windowFinding("专项检查：窗口无人");
		Map<String, Object> comment = windowFinding("来信：排队太久");
		comment.put("kind", "LETTER");

		assertThat(operator.post("/api/v1/supervision/findings", finding).status()).isEqualTo(403);
		assertThat(assessor.post("/api/v1/supervision/comments", comment).status()).isEqualTo(403);
		Http.Reply byAssessor = assessor.post("/api/v1/supervision/findings", finding);
		assertThat(byAssessor.status()).as(byAssessor.toString()).isEqualTo(201);
		assertThat(byAssessor.json().path("recordedRole").asString()).isEqualTo("ASSESSOR");
		assertThat(operator.post("/api/v1/supervision/comments", comment).status()).isEqualTo(201);
	}

	private Map<String, Object> windowFinding(String description) {
		Map<String, Object> body = FindingIT.finding("INSPECTION", description);
		body.put("windowCode", hall().window());
		return body;
	}
}
