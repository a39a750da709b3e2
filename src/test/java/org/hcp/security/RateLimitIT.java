package org.hcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Keyless endpoints are limited per client address, the bound rating also per token: 429, Retry-After, problem. (That
 * the body read for the token still reaches the controller is shown by every bound-rating test of the suite, which
 * runs through the same filter with high limits.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {
		"hcp.rate-limit.public-per-address.capacity=5", "hcp.rate-limit.public-per-address.period=1h",
		"hcp.rate-limit.bound-per-address.capacity=30", "hcp.rate-limit.bound-per-address.period=1h",
		"hcp.rate-limit.bound-per-token.capacity=2", "hcp.rate-limit.bound-per-token.period=1h" })
class RateLimitIT extends ServiceFixtures {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static void assertLimited(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isPositive());
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = Http.parse(response.body());
		assertThat(problem.path("code").asString()).isEqualTo("RATE_LIMITED");
		assertThat(problem.path("message").path("zh").asString()).contains("请求过于频繁");
		assertThat(problem.path("message").path("en").asString()).contains("Too many requests");
	}

	@Test
	void a_public_endpoint_answers_429_with_retry_after_once_an_address_exceeds_its_limit() throws Exception {
		HttpResponse<String> last = null;
		for (int i = 0; i < 6 && (last == null || last.statusCode() != 429); i++) {
			last = send("GET", "/api/public/integrity/head", null);
		}
		assertLimited(last);
		// the same endpoint with an encoded path is the same endpoint to Spring Security and MVC, so it is limited too
		assertLimited(send("GET", "/api/public/integrity/%68ead", null));
		assertThat(admin.get("/api/v1/admin/api-keys").status()).as("endpoints that need a key are not limited here")
			.isEqualTo(200);
	}

	/** The raters' pages (token, printed code, short link, kiosk, portal) share the public limit of an address. */
	@Test
	void the_raters_pages_are_limited_like_every_public_endpoint() throws Exception {
		HttpResponse<String> last = null;
		for (int i = 0; i < 6 && (last == null || last.statusCode() != 429); i++) {
			last = send("GET", "/kiosk", null);
		}
		assertLimited(last);
		for (String path : new String[] { "/rate/t/some-token", "/kiosk/some-token", "/q/some-code", "/c/some-code",
				"/rate", "/rate/thanks/e1.x", "/a11y?toggle=large" }) {
			assertLimited(send("GET", path, null));
		}
		assertLimited(send("POST", "/rate/t/some-token", ""));
		// the national interface and our public key answer anyone too (issue 9): an address that floods them is slowed
		assertLimited(send("POST", "/api/exchange/v1/national", "{}"));
		assertLimited(send("GET", "/api/exchange/v1/public-key", null));
	}

	@Test
	void a_bound_rating_over_its_token_limit_is_refused_with_429_and_nothing_is_stored() throws Exception {
		var c = aCase().completedAfter(5);
		c.create();
		String token = admin.post("/api/v1/binding-tokens", Map.of("kind", "DEVICE", "caseNo", c.caseNo(),
				"deviceId", "EVAL-01")).json().path("token").asString();
		String invalid = "{\"token\":\"" + token + "\",\"level\":9}";
		assertThat(send("POST", RateLimitFilter.BOUND, invalid).statusCode()).isEqualTo(422);
		assertThat(send("POST", RateLimitFilter.BOUND, invalid).statusCode()).isEqualTo(422);

		assertLimited(send("POST", RateLimitFilter.BOUND, "{\"token\":\"" + token + "\",\"level\":5}"));

		assertThat(storedRatings(c.caseNo())).isZero();
	}

	/** Last: it spends this address's bound-rating allowance that the test above needs. */
	@Test
	@Order(Integer.MAX_VALUE)
	void the_bound_rating_is_limited_per_address_whatever_the_token() throws Exception {
		HttpResponse<String> last = null;
		for (int i = 0; i < 31 && (last == null || last.statusCode() != 429); i++) {
			last = send("POST", RateLimitFilter.BOUND, "{\"token\":\"forged-" + i + "\",\"level\":5}");
		}
		assertLimited(last);
		assertLimited(send("POST", "/api/v1/evaluations/%62ound", "{\"token\":\"forged-x\",\"level\":5}"));
	}
}
