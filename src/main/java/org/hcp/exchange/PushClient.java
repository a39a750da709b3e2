package org.hcp.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** POSTs one sealed envelope to the upper platform's national endpoint and reads its answer. */
@Component
class PushClient {

	/**
	 * What the upper platform answered. {@code accepted}: the envelope was taken (200, {@code C-API-Status} "00") and
	 * {@code results} holds the per-record answers; otherwise {@code code} and {@code message} say why the whole
	 * request failed.
	 */
	record Answer(boolean accepted, List<JsonNode> results, String code, String message) {
	}

	private final HttpClient http;
	private final JsonMapper json;
	private final ExchangeProperties properties;

	PushClient(JsonMapper json, ExchangeProperties properties) {
		this.json = json;
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.push().timeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	Answer post(String endpoint, ObjectNode envelope) {
		HttpResponse<String> response;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
				.timeout(properties.push().timeout())
				.header("Content-Type", "application/json;charset=UTF-8")
				.header("Accept", "application/json, application/problem+json")
				.POST(HttpRequest.BodyPublishers.ofString(envelope.toString(), StandardCharsets.UTF_8))
				.build();
			response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException e) {
			return failure("BAD_ENDPOINT", "上级平台地址无效 / the upper platform's endpoint is not a valid address");
		}
		catch (IOException e) {
			return failure("UNREACHABLE", "无法连接上级平台 / the upper platform could not be reached: "
					+ e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return failure("INTERRUPTED", "推送被中断 / the push was interrupted");
		}
		JsonNode body;
		try {
			body = json.readTree(response.body());
		}
		catch (JacksonException | IllegalArgumentException e) {
			body = null;
		}
		String status = body == null ? "" : body.path("C-API-Status").asString("");
		if (response.statusCode() == 200 && "00".equals(status)) {
			List<JsonNode> results = new ArrayList<>();
			body.path("C-Response-Body").path("results").forEach(results::add);
			return new Answer(true, results, null, null);
		}
		String code = body == null ? "" : body.path("code").asString("");
		if (code.isEmpty()) {
			code = status.isEmpty() ? "HTTP_" + response.statusCode() : "C_API_" + status;
		}
		String message = body == null ? "" : body.path("C-Response-Desc").asString("");
		if (message.isEmpty() && body != null) {
			message = body.path("detail").asString(body.path("title").asString(""));
		}
		if (message.isEmpty()) {
			String text = response.body() == null ? "" : response.body();
			message = "HTTP " + response.statusCode() + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(200, text.length())));
		}
		return failure(code, message);
	}

	private static Answer failure(String code, String message) {
		return new Answer(false, List.of(), code, message);
	}
}
