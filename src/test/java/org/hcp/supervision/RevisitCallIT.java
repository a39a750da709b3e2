package org.hcp.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.hcp.support.Http;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The calls of the quarterly random revisits: attempts, outcomes, results and the audited reveal. */
class RevisitCallIT extends SupervisionFixtures {

	@Test
	void unreachable_needs_three_attempts() {
		long call = aCall();

		JsonNode afterTwo = null;
		for (int i = 0; i < 2; i++) {
			afterTwo = attempt(call, "NO_ANSWER", "无人接听");
		}
		assertThat(afterTwo.path("state").asString()).isEqualTo("OPEN");
		assertThat(afterTwo.path("outcome").isMissingNode()).isTrue();
		assertThat(count("select count(*) from sup_revisit_result where task_id = :t", "t", call)).isZero();

		JsonNode third = attempt(call, "NO_ANSWER", "关机");

		assertThat(third.path("state").asString()).isEqualTo("DONE");
		assertThat(third.path("outcome").asString()).isEqualTo("UNREACHABLE");
		assertThat(third.path("attempts")).hasSize(3);
		assertThat(jdbc.sql("select outcome from sup_revisit_result where task_id = :t").param("t", call)
			.query(String.class).single()).isEqualTo("UNREACHABLE");
		assertThat(count("select count(*) from sup_call_attempt where task_id = :t", "t", call)).isEqualTo(3);
	}

	@Test
	void an_answer_is_kept_with_its_comment_as_a_result_of_its_own() {
		String township = newTownship();
		completedCases(township, Q2_DAY, 3);
		JsonNode sample = drawn(township, "2026Q2", List.of());
		long first = sample.path("cases").get(0).path("callTaskId").asLong();
		long second = sample.path("cases").get(1).path("callTaskId").asLong();

		attempt(first, "SATISFIED", "很满意");
		attempt(second, "NO_ANSWER", null);
		attempt(second, "NOT_SATISFIED", "材料要求反复");

		JsonNode counts = admin.get("/api/v1/supervision/revisit-results?regionCode=" + township + "&quarter=2026Q2").json();
		assertThat(counts.path("drawn").asLong()).isEqualTo(3);
		assertThat(counts.path("satisfied").asLong()).isEqualTo(1);
		assertThat(counts.path("notSatisfied").asLong()).isEqualTo(1);
		assertThat(counts.path("unreachable").asLong()).isZero();
		assertThat(counts.path("open").asLong()).isEqualTo(1);
		assertThat(jdbc.sql("select comment from sup_revisit_result where task_id = :t").param("t", second)
			.query(String.class).single()).isEqualTo("材料要求反复");
	}

	@Test
	void a_finished_call_takes_no_further_attempt() {
		long call = aCall();
		attempt(call, "SATISFIED", null);
		Http.Reply again = admin.post("/api/v1/supervision/calls/" + call + "/attempts", Map.of("result", "NO_ANSWER"));
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(count("select count(*) from sup_call_attempt where task_id = :t", "t", call)).isEqualTo(1);
	}

	@Test
	void an_attempt_without_a_result_is_refused_and_nothing_stored() {
		long call = aCall();
		Http.Reply reply = admin.post("/api/v1/supervision/calls/" + call + "/attempts", Map.of("comment", "x"));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
		Http.Reply unknown = admin.post("/api/v1/supervision/calls/" + call + "/attempts", Map.of("result", "MAYBE"));
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
		assertThat(count("select count(*) from sup_call_attempt where task_id = :t", "t", call)).isZero();
	}

	@Test
	void the_reveal_is_audited() {
		String township = newTownship();
		List<String> cases = completedCases(township, Q2_DAY, 1);
		JsonNode sample = drawn(township, "2026Q2", List.of());
		long call = sample.path("cases").get(0).path("callTaskId").asLong();
		assertThat(count("select count(*) from sup_audit where subject = 'CALL' and subject_id = :t", "t", call)).isZero();
		JsonNode masked = admin.get("/api/v1/supervision/calls/" + call).json();

		Http.Reply reveal = admin.post("/api/v1/supervision/calls/" + call + "/reveal", null);

		assertThat(reveal.status()).as(reveal.toString()).isEqualTo(200);
		String full = reveal.json().path("mobile").asString();
		assertThat(full).matches("1\\d{10}");
		assertThat(masked.path("mobile").asString()).isEqualTo(full.substring(0, 3) + "****" + full.substring(7));
		assertThat(masked.toString()).doesNotContain(full);
		assertThat(admin.get("/api/v1/supervision/calls?quarter=2026Q2").text()).doesNotContain(full);
		List<Map<String, Object>> audit = jdbc.sql("""
				select action, actor, actor_key, detail from sup_audit where subject = 'CALL' and subject_id = :t""")
			.param("t", call).query().listOfRows();
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0)).containsEntry("action", "reveal-mobile").containsEntry("detail", "case " + cases.get(0));
		assertThat(audit.get(0).get("actor_key")).isNotNull();
		assertThat((String) audit.get(0).get("detail")).doesNotContain(full);
		JsonNode trail = admin.get("/api/v1/supervision/calls/" + call + "/audit").json();
		assertThat(trail.get(0).path("action").asString()).isEqualTo("reveal-mobile");
	}

	@Test
	void the_number_of_a_finished_call_is_not_revealed() {
		long call = aCall();
		attempt(call, "SATISFIED", null);
		Http.Reply reveal = admin.post("/api/v1/supervision/calls/" + call + "/reveal", null);
		assertThat(reveal.status()).isEqualTo(409);
		assertThat(count("select count(*) from sup_audit where subject = 'CALL' and subject_id = :t and action = 'reveal-mobile'",
				"t", call)).isZero();
	}

	private long aCall() {
		String township = newTownship();
		completedCases(township, Q2_DAY, 1);
		return drawn(township, "2026Q2", List.of()).path("cases").get(0).path("callTaskId").asLong();
	}

	private JsonNode attempt(long call, String result, String comment) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("result", result);
		body.put("comment", comment);
		Http.Reply reply = admin.post("/api/v1/supervision/calls/" + call + "/attempts", body);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}
}
