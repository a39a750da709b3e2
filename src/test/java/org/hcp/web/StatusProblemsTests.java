package org.hcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** Errors known only by their status (Tomcat, the firewall, /error) get the shape and code of every other error. */
class StatusProblemsTests {

	@Test
	void a_server_error_carries_an_error_id_and_nothing_of_its_cause() {
		ProblemDetail detail = StatusProblems.of(500);
		assertThat(detail.getProperties()).containsKeys("code", "message", "errors", "errorId");
		assertThat(detail.getProperties().get("code")).isEqualTo("INTERNAL_ERROR");
		assertThat((String) detail.getProperties().get("errorId")).matches("[0-9a-f]{12}");
		assertThat(StatusProblems.of(500).getProperties().get("errorId")).isNotEqualTo(detail.getProperties().get("errorId"));
	}

	@Test
	void every_refusal_status_has_its_own_code_in_chinese_and_english() {
		Map<Integer, String> codes = Map.of(400, "BAD_REQUEST", 401, "UNAUTHENTICATED", 403, "FORBIDDEN", 404, "NOT_FOUND",
				405, "METHOD_NOT_ALLOWED", 406, "NOT_ACCEPTABLE", 413, "PAYLOAD_TOO_LARGE", 414, "URI_TOO_LONG", 415,
				"UNSUPPORTED_MEDIA_TYPE", 429, "RATE_LIMITED");
		codes.forEach((status, code) -> {
			ProblemDetail detail = StatusProblems.of(status);
			assertThat(detail.getStatus()).isEqualTo(status);
			assertThat(detail.getProperties().get("code")).isEqualTo(code);
			assertThat(detail.getProperties().get("message").toString()).contains("zh=").contains("en=");
			assertThat(detail.getProperties()).doesNotContainKey("errorId");
		});
	}

	@Test
	void an_unknown_client_status_is_still_a_client_error() {
		assertThat(StatusProblems.of(460).getStatus()).isEqualTo(400);
		assertThat(StatusProblems.of(460).getProperties().get("code")).isEqualTo("BAD_REQUEST");
		assertThat(StatusProblems.of(599).getProperties()).containsKey("errorId");
	}
}
