package org.hcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hcp.support.ApiTest;
import org.hcp.support.Http;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** What every installation answers: health, OpenAPI, the start page, the error shape, the calendar admin. */
class PlatformIT extends ApiTest {

	@Test
	void health_is_up_with_the_database_and_the_calendar() {
		JsonNode health = admin.get("/actuator/health").json();
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("calendar").path("details").path("knownYears").toString()).contains("2026");
	}

	@Test
	void the_openapi_description_is_public_and_lists_the_contract() {
		Http.Reply reply = anonymous.get("/v3/api-docs");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("paths").has("/api/exchange/v1/evaluations")).isTrue();
		assertThat(reply.json().path("paths").has("/api/v1/evaluations")).isTrue();
		assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void the_start_page_speaks_chinese_by_default() {
		Http.Reply page = anonymous.get("/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("政务服务“好差评”").contains("非常满意").contains("/swagger-ui.html");
	}

	@Test
	void everything_that_is_not_public_needs_a_key() {
		Http.Reply reply = anonymous.get("/api/v1/cases/ANY");
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().path("message").path("zh").asString()).contains("X-Api-Key");
		assertThat(reply.json().path("message").path("en").asString()).contains("X-Api-Key");
		assertThat(anonymous.post("/api/exchange/v1/services", Map.of()).status()).isEqualTo(401);
	}

	@Test
	void an_unknown_path_is_a_problem_json_404() {
		Http.Reply reply = admin.get("/api/v1/no-such-thing");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.json().path("code").asString()).isEqualTo("NOT_FOUND");
	}

	@Test
	void a_new_years_notice_can_be_imported_and_is_then_used() {
		Http.Reply imported = admin.post("/api/v1/admin/calendar/years", Map.of("year", 2099, "notice", "测试通知",
				"days", java.util.List.of(Map.of("date", "2099-01-01", "isOffDay", true, "name", "元旦"),
						Map.of("date", "2099-01-03", "isOffDay", false, "name", "元旦"))));
		assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
		assertThat(admin.get("/api/v1/calendar/days/2099-01-01").json().path("workingDay").asBoolean()).isFalse();
		assertThat(admin.get("/api/v1/calendar/days/2099-01-03").json().path("workingDay").asBoolean()).isTrue();
	}

	@Test
	void a_bad_notice_is_refused_whole_naming_the_day() {
		Http.Reply refused = admin.post("/api/v1/admin/calendar/years", Map.of("year", 2098,
				"days", java.util.List.of(Map.of("date", "2098-01-01", "isOffDay", true, "name", "元旦"),
						Map.of("date", "2098-13-01", "isOffDay", true, "name", "元旦"))));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.errorFields()).containsExactly("days[1].date");
		assertThat(admin.get("/api/v1/calendar/years").text()).doesNotContain("2098");
	}

	@Test
	void a_date_in_a_year_without_data_is_refused_loudly() {
		Http.Reply reply = admin.get("/api/v1/calendar/plus-working-days?from=2097-03-02&days=3");
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.json().path("code").asString()).isEqualTo("CALENDAR_YEAR_MISSING");
	}
}
