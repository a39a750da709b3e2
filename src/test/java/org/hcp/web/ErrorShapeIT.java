package org.hcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.RawHttp;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Whichever layer refuses a request – Tomcat before the application, the security firewall, the security entry
 * points, Spring MVC or our own rules – the answer is a 4xx in the one problem+json shape. Paths are sent over a raw
 * socket, because {@code java.net.URI} would normalise or refuse them before they left the test.
 */
class ErrorShapeIT extends ServiceFixtures {

	static final List<String> WRITE_ENDPOINTS = List.of("/api/v1/cases", "/api/exchange/v1/services",
			"/api/exchange/v1/evaluations", "/api/v1/evaluations", "/api/v1/evaluations/bound", "/api/v1/binding-tokens",
			"/api/v1/sms/inbound", "/api/v1/admin/api-keys", "/api/v1/admin/calendar/years", "/api/v1/catalog/regions",
			"/api/v1/catalog/regions/import", "/api/v1/catalog/indicator-versions/1/indicators");

	@Test
	void a_multipart_content_type_without_a_boundary_is_a_400_problem_not_a_500() {
		for (String path : WRITE_ENDPOINTS) {
			RawHttp.Response response = post(path, "multipart/form-data", "{}");
			assertProblem(response, path);
			assertThat(response.status()).as(path).isEqualTo(400);
		}
		assertProblem(RawHttp.send(port, "GET", "/api/v1/calendar/years", headers("Content-Type", "multipart/mixed"), null),
				"a GET with a multipart type");
	}

	@Test
	void a_wildcard_content_type_is_a_415_problem_not_a_500() {
		for (String type : List.of("*/*", "application/*", "text/*")) {
			for (String path : WRITE_ENDPOINTS) {
				RawHttp.Response response = post(path, type, "{}");
				assertProblem(response, type + " " + path);
				assertThat(response.status()).as(type + " " + path).isEqualTo(415);
			}
		}
		RawHttp.Response health = RawHttp.send(port, "GET", "/actuator/health", headers("Content-Type", "application/*"), null);
		assertThat(health.status()).isEqualTo(415);
		assertThat(health.isProblem()).isTrue();
	}

	@Test
	void a_path_that_tomcat_or_the_firewall_refuses_is_a_400_problem() {
		for (String segment : List.of("a%2Fb", "a%5Cb", "a%00b", "a;b", "a%25b", "%2e%2e", "..%2f", "a\"b", "a|b", "a{b",
				"a^b", "a`b", "a\\b", "%zz", "%ff", "a%0ab", "a<b")) {
			RawHttp.Response response = RawHttp.get(port, "/api/v1/cases/" + segment, ADMIN_KEY);
			assertProblem(response, segment);
			assertThat(response.status()).as(segment).isEqualTo(400);
			assertThat(response.body()).as(segment).doesNotContain("<html").doesNotContain("Tomcat");
		}
		assertProblem(RawHttp.get(port, "/%2e%2e/etc/passwd", null), "/%2e%2e/etc/passwd");
		assertProblem(RawHttp.get(port, "//api/v1/cases/X", ADMIN_KEY), "//");
	}

	@Test
	void characters_that_a_path_may_hold_reach_the_application_and_are_refused_naming_the_case_number() {
		for (String segment : List.of("a%20b", "a'b", "a%7Cb", "a%22b", "%E4%B8%AD")) {
			RawHttp.Response response = RawHttp.get(port, "/api/v1/cases/" + segment, ADMIN_KEY);
			assertProblem(response, segment);
			assertThat(response.status()).as(segment).isEqualTo(422);
			assertThat(response.body()).as(segment).contains("caseNo");
		}
		RawHttp.Response unknown = RawHttp.get(port, "/api/v1/cases/NO-SUCH-CASE-1", ADMIN_KEY);
		assertProblem(unknown, "unknown case");
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void a_request_line_or_header_block_that_tomcat_cannot_parse_is_a_problem() {
		assertProblem(RawHttp.send(port, "G(T", "/api/v1/cases/X", headers("X-Api-Key", ADMIN_KEY), null), "bad method");
		assertProblem(RawHttp.send(port, "GET", "/api/v1/cases/X", headers("X-Big", "b".repeat(10_000)), null), "big header");
		RawHttp.Response longUri = RawHttp.get(port, "/api/v1/cases/" + "a".repeat(10_000), ADMIN_KEY);
		assertProblem(longUri, "long URI");
		assertThat(longUri.status()).isIn(400, 414);
	}

	@Test
	void every_refusal_status_shares_the_shape() {
		assertCode(RawHttp.get(port, "/api/v1/cases/X", null), 401, "UNAUTHENTICATED");
		String platform = admin.post("/api/v1/admin/api-keys", Map.of("name", "错误形状", "role", "PLATFORM")).json()
			.path("key").asString();
		assertCode(RawHttp.get(port, "/api/v1/admin/api-keys", platform), 403, "FORBIDDEN");
		assertCode(RawHttp.get(port, "/api/v1/no-such-thing", ADMIN_KEY), 404, "NOT_FOUND");
		assertCode(RawHttp.send(port, "PATCH", "/api/v1/cases/X", headers("X-Api-Key", ADMIN_KEY), null), 405,
				"METHOD_NOT_ALLOWED");
		assertCode(RawHttp.send(port, "GET", "/api/v1/calendar/years", headers("Accept", "text/html"), null), 401,
				"UNAUTHENTICATED");
		Map<String, String> html = headers("Accept", "text/html");
		html.put("X-Api-Key", ADMIN_KEY);
		assertCode(RawHttp.send(port, "GET", "/api/v1/calendar/years", html, null), 406, "NOT_ACCEPTABLE");
		assertCode(post("/api/v1/cases", "text/plain", "x"), 415, "UNSUPPORTED_MEDIA_TYPE");
		assertCode(tooLargeUpload(), 413, "PAYLOAD_TOO_LARGE");
		assertCode(RawHttp.get(port, "/actuator/health/no-such-component", ADMIN_KEY), 404, "NOT_FOUND");
	}

	@Test
	void a_client_that_cannot_read_json_gets_a_406_before_anything_is_stored() {
		String caseNo = unique("ACCEPT");
		Map<String, String> html = headers("Accept", "text/html");
		html.put("X-Api-Key", ADMIN_KEY);
		html.put("Content-Type", "application/json");
		String accepted = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusHours(2).withNano(0).toString();
		Map<String, Object> body = new LinkedHashMap<>(Map.of("caseNo", caseNo, "itemCode", hall().item(), "regionCode",
				hall().region(), "caseType", "ON_THE_SPOT", "applyChannel", "WINDOW", "applicant",
				Map.of("type", 1, "name", "李四"), "acceptedAt", accepted));
		body.put("services", List.of(Map.of("serviceNo", 1, "name", "受理", "at", accepted, "staffNo", hall().staffNo(),
				"windowCode", hall().window())));
		byte[] json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(body);
		html.put("Accept", "application/json");
		assertThat(RawHttp.send(port, "POST", "/api/v1/cases", html, json).status()).as("the same case, as JSON")
			.isEqualTo(201);
		html.put("Accept", "text/html");
		body.put("caseNo", caseNo = unique("ACCEPT"));
		json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(body);
		assertCode(RawHttp.send(port, "POST", "/api/v1/cases", html, json), 406, "NOT_ACCEPTABLE");
		assertThat(jdbc.sql("select count(*) from cas_case where case_no = ?").param(caseNo).query(Long.class).single())
			.isZero();
	}

	@Test
	void the_error_path_itself_is_not_a_resource() {
		assertCode(RawHttp.get(port, "/error", ADMIN_KEY), 404, "NOT_FOUND");
		assertCode(RawHttp.send(port, "POST", "/error", headers("Content-Type", "application/json"), new byte[0]), 404,
				"NOT_FOUND");
	}

	@Test
	void a_query_parameter_that_cannot_be_decoded_is_a_400() {
		assertCode(RawHttp.get(port, "/api/v1/evaluations?from=%zz", ADMIN_KEY), 400, "BAD_PARAMETER");
		assertCode(RawHttp.get(port, "/actuator/health?x=%", ADMIN_KEY), 400, "BAD_PARAMETER");
	}

	private RawHttp.Response tooLargeUpload() {
		String boundary = "fuzzboundary";
		String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + "x".repeat(1_200_000) + "\r\n--" + boundary + "--\r\n";
		Map<String, String> headers = headers("Content-Type", "multipart/form-data; boundary=" + boundary);
		headers.put("X-Api-Key", ADMIN_KEY);
		return RawHttp.send(port, "POST", "/api/v1/catalog/regions/import", headers, part.getBytes(StandardCharsets.UTF_8));
	}

	private RawHttp.Response post(String path, String contentType, String body) {
		Map<String, String> headers = headers("Content-Type", contentType);
		headers.put("X-Api-Key", ADMIN_KEY);
		return RawHttp.send(port, "POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
	}

	private static Map<String, String> headers(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(name, value);
		return headers;
	}

	private static void assertCode(RawHttp.Response response, int status, String code) {
		assertProblem(response, code);
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(Http.parse(response.body()).path("code").asString()).isEqualTo(code);
	}

	/** The one shape: problem+json, a code, a message in Chinese and English, and a list of field errors. */
	static void assertProblem(RawHttp.Response response, String what) {
		assertThat(response.status()).as(what + ": " + response).isBetween(400, 499);
		assertThat(response.contentType()).as(what + ": " + response).startsWith("application/problem+json");
		JsonNode body = Http.parse(response.body());
		assertThat(body.path("code").asString()).as(what).isNotBlank();
		assertThat(body.path("message").path("zh").asString()).as(what).isNotBlank();
		assertThat(body.path("message").path("en").asString()).as(what).isNotBlank();
		assertThat(body.path("errors").isArray()).as(what).isTrue();
	}
}
