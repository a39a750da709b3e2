package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Evaluator devices registered through the API, DEVICE tokens issued for them, and the tablet's own calls. */
abstract class EvaluatorFixtures extends ServiceFixtures {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	/** A device registered at the test hall's window: its id and the secret issued once. */
	record Device(String id, String secret, String setupUrl) {
	}

	Device registered() {
		String id = unique("EVAL-");
		Http.Reply reply = admin.post("/api/v1/evaluator-devices", Map.of("deviceId", id, "windowCode", hall().window()));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return new Device(id, reply.json().path("secret").asString(), reply.json().path("setupUrl").asString());
	}

	/** A completed case served at the hall's window, and a DEVICE token for it issued for {@code deviceId}. */
	String issued(String caseNo, String deviceId) {
		Http.Reply reply = admin.post("/api/v1/binding-tokens", Map.of("kind", "DEVICE", "caseNo", caseNo,
				"deviceId", deviceId));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().path("token").asString();
	}

	String completedCase() {
		var c = aCase().completedAfter(5);
		c.create();
		return c.caseNo();
	}

	Http.Reply next(Device device) {
		return tablet("GET", "/evaluator/" + device.id() + "/next", device.secret(), null, null);
	}

	Http.Reply rate(Device device, String key, String token, int level, List<String> indicators, String comment) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("token", token);
		body.put("level", level);
		body.put("indicators", indicators);
		body.put("comment", comment);
		return tablet("POST", "/evaluator/" + device.id() + "/ratings", device.secret(), key, body);
	}

	/** A call as the tablet's script makes it: the device secret and the idempotency key in headers. */
	Http.Reply tablet(String method, String path, String secret, String idempotencyKey, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (secret != null) {
			request.header("X-Device-Key", secret);
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Http.Reply(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	String queueState(Device device, String token) {
		return jdbc.sql("select state from door_device_queue where device_id = :d and token = :t")
			.param("d", device.id()).param("t", token).query(String.class).optional().orElse(null);
	}

	static JsonNode json(Http.Reply reply) {
		return reply.json();
	}
}
