package org.hcp.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests against the running application: real requests, real status codes. */
public final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final String base;
	private final String apiKey;
	private final java.util.Map<String, String> headers;

	public Http(String base, String apiKey) {
		this(base, apiKey, java.util.Map.of());
	}

	private Http(String base, String apiKey, java.util.Map<String, String> headers) {
		this.base = base;
		this.apiKey = apiKey;
		this.headers = headers;
	}

	public Http as(String otherKey) {
		return new Http(base, otherKey, headers);
	}

	/** The same client, sending this header with every request as well. */
	public Http header(String name, String value) {
		java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
		more.put(name, value);
		return new Http(base, apiKey, java.util.Map.copyOf(more));
	}

	public Reply get(String path) {
		return send("GET", path, null, null);
	}

	public Reply post(String path, Object body) {
		return send("POST", path, body == null ? "" : JSON.writeValueAsString(body), "application/json");
	}

	public Reply put(String path, Object body) {
		return send("PUT", path, JSON.writeValueAsString(body), "application/json");
	}

	public Reply delete(String path) {
		return send("DELETE", path, null, null);
	}

	/** Sends a raw body (malformed JSON, CSV …) with the given content type. */
	public Reply send(String method, String path, String body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (apiKey != null) {
			request.header("X-Api-Key", apiKey);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Reply(response.statusCode(), response.body(),
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

	public static JsonNode parse(String text) {
		return JSON.readTree(text);
	}

	/** A response: status, raw text, content type, and the body as JSON when it is JSON. */
	public record Reply(int status, String text, String contentType) {

		public JsonNode json() {
			return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
		}

		/** The field names of a problem+json body's errors, for assertions. */
		public java.util.List<String> errorFields() {
			java.util.List<String> fields = new java.util.ArrayList<>();
			json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
			return fields;
		}

		@Override
		public String toString() {
			return status + " " + text;
		}
	}
}
