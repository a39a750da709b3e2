package org.hcp.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hcp.support.People;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The supervision screens, as a signed-in person uses them (form posts with CSRF, htmx, redirects). */
class SupervisionScreensIT extends SupervisionFixtures {

	@Test
	void an_office_draws_a_sample_on_the_screen() {
		String township = newTownship();
		List<String> cases = completedCases(township, Q2_DAY, 3);
		People.Session office = new People(port).office(township).signIn();

		People.Page page = office.get("/app/supervision");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("抽取季度回访样本").contains("id=\"draw-form\"");
		People.Page drawn = office.post("/app/supervision/samples", Map.of("regionCode", township, "quarter", "2026Q2",
				"targetedItems", ""));

		assertThat(drawn.status()).as(drawn.toString()).isEqualTo(302);
		assertThat(drawn.location()).contains("/app/supervision/samples/");
		People.Page sample = office.get(drawn.location().replaceFirst("^https?://[^/]+", ""));
		assertThat(sample.status()).isEqualTo(200);
		cases.forEach(c -> assertThat(sample.text()).contains(c));
		People.Page again = office.post("/app/supervision/samples", Map.of("regionCode", township, "quarter", "2026Q2"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text()).contains("id=\"draw-problem\"").contains("不能重抽");
	}

	@Test
	void an_operator_reveals_the_number_on_demand_and_records_the_outcome() {
		String township = newTownship();
		completedCases(township, Q2_DAY, 1);
		JsonNode sample = drawn(township, "2026Q2", List.of());
		long call = sample.path("cases").get(0).path("callTaskId").asLong();
		String full = admin.post("/api/v1/supervision/calls/" + call + "/reveal", null).json().path("mobile").asString();
		long auditBefore = count("select count(*) from sup_audit where subject = 'CALL' and subject_id = :t", "t", call);
		People.Person person = new People(port).hotline(township);
		People.Session operator = person.signIn();

		People.Page list = operator.get("/app/supervision/calls?quarter=2026Q2");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.text()).contains(sample.path("cases").get(0).path("caseNo").asString())
			.contains(full.substring(0, 3) + "****" + full.substring(7)).doesNotContain(full).contains("显示号码");

		People.Page revealed = operator.htmx("POST", "/app/supervision/calls/" + call + "/reveal", Map.of());
		assertThat(revealed.status()).as(revealed.toString()).isEqualTo(200);
		assertThat(revealed.text()).contains(full).doesNotContain("<html");
		assertThat(count("select count(*) from sup_audit where subject = 'CALL' and subject_id = :t and action = 'reveal-mobile' and actor = :a",
				"t", call, "a", person.login())).isEqualTo(1);
		assertThat(count("select count(*) from sup_audit where subject = 'CALL' and subject_id = :t", "t", call))
			.isEqualTo(auditBefore + 2);

		People.Page saved = operator.post("/app/supervision/calls/" + call + "/attempts",
				Map.of("result", "NOT_SATISFIED", "comment", "窗口推诿"));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
		People.Page page = operator.get("/app/supervision/calls/" + call + "?recorded");
		assertThat(page.text()).contains("不满意").contains("窗口推诿").contains("已记录本次回访");
		assertThat(page.text()).doesNotContain(full);
	}

	@Test
	void an_office_gives_a_call_to_an_operator_of_the_region_on_the_screen() {
		String township = newTownship();
		completedCases(township, Q2_DAY, 1);
		long call = drawn(township, "2026Q2", List.of()).path("cases").get(0).path("callTaskId").asLong();
		People people = new People(port);
		People.Person operator = people.hotline(township);
		People.Session office = people.office(township).signIn();

		People.Page page = office.get("/app/supervision/calls/" + call);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.text()).contains("id=\"assign-form\"").contains(operator.login()).doesNotContain("id=\"reveal\"");
		People.Page assigned = office.post("/app/supervision/calls/" + call + "/assign",
				Map.of("assigneeId", String.valueOf(operator.id())));

		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(302);
		assertThat(office.get("/app/supervision/calls/" + call + "?assigned").text()).contains("已分派");
		assertThat(jdbc.sql("select assignee_id from sup_call_task where id = :t").param("t", call).query(Long.class)
			.single()).isEqualTo(operator.id());
	}

	@Test
	void a_form_post_without_the_csrf_token_is_refused() {
		String township = newTownship();
		completedCases(township, Q2_DAY, 1);
		long call = drawn(township, "2026Q2", List.of()).path("cases").get(0).path("callTaskId").asLong();
		People.Session operator = new People(port).hotline(township).signIn();
		People.Page refused = operator.postWithoutCsrf("/app/supervision/calls/" + call + "/reveal", Map.of());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(count("select count(*) from sup_audit where subject = 'CALL' and subject_id = :t", "t", call)).isZero();
	}

	@Test
	void a_finding_against_an_unknown_window_is_shown_again_with_the_reason_and_nothing_stored() {
		People.Session office = new People(port).office(hall().region()).signIn();
		String marker = unique("暗访");
		Map<String, String> form = new HashMap<>(Map.of("kind", "MYSTERY_VISIT", "windowCode", "NO-SUCH-WINDOW",
				"observedOn", "2026-11-02", "description", marker, "problem", "true"));

		People.Page refused = office.post("/app/supervision/findings", form);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("id=\"entry-problem\"").contains("窗口不存在：NO-SUCH-WINDOW").contains(marker);
		assertThat(count("select count(*) from sup_finding where description = :d", "d", marker)).isZero();

		form.put("windowCode", hall().window());
		form.put("departmentCode", hall().department());
		People.Page saved = office.post("/app/supervision/findings", form);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
		assertThat(saved.location()).contains("recorded=").contains("order=");
		People.Page list = office.get(saved.location().replaceFirst("^https?://[^/]+", ""));
		assertThat(list.text()).contains(marker).contains("已生成整改工单");
	}

	@Test
	void an_operator_records_comments_but_not_findings() {
		People.Session operator = new People(port).hotline(hall().region()).signIn();
		assertThat(operator.get("/app/supervision/comments").text()).contains("id=\"entry-form\"");
		assertThat(operator.get("/app/supervision/findings").text()).doesNotContain("id=\"entry-form\"");
		People.Page refused = operator.post("/app/supervision/findings", Map.of("kind", "INSPECTION",
				"windowCode", hall().window(), "observedOn", "2026-11-02", "description", "x"));
		assertThat(refused.status()).isEqualTo(403);
	}

	@Test
	void the_screens_speak_english_on_request() {
		People.Session office = new People(port).office(hall().region()).signIn();
		People.Page page = office.get("/app/supervision?lang=en");
		assertThat(page.text()).contains("Random revisits and supervision findings").contains("Draw the sample");
	}

	@Test
	void a_department_handler_is_shown_why_supervision_is_closed_to_them() {
		People.Session handler = new People(port).department(hall().region(), hall().department()).signIn();
		People.Page page = handler.get("/app/supervision/calls");
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.text()).contains("id=\"problem-message\"");
	}
}
