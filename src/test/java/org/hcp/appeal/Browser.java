package org.hcp.appeal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hcp.support.People;

/**
 * A person on the appeal screens (a cookie session signed in on the sign-in page, the CSRF token of the last page)
 * and on the API (HTTP Basic), with multipart bodies for the evidence upload, which {@link People.Session} does not
 * send.
 */
final class Browser {

	private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	record Answer(int status, byte[] bytes, String location, String contentType) {

		String text() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			String t = text();
			return status + (location == null ? "" : " -> " + location) + " " + (t.length() > 800 ? t.substring(0, 800) : t);
		}
	}

	private final String base;
	private final String basic;
	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).build();
	private String csrf;

	Browser(int port, People.Person person) {
		this.base = "http://127.0.0.1:" + port;
		this.basic = "Basic " + Base64.getEncoder()
			.encodeToString((person.login() + ":" + person.password()).getBytes(StandardCharsets.UTF_8));
	}

	/** Signs in on the sign-in page; the answer is the redirect after it. */
	Answer signIn(People.Person person) {
		get("/login");
		Answer done = form("/login", Map.of("username", person.login(), "password", person.password()));
		get("/app");
		return done;
	}

	Answer get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), false);
	}

	Answer form(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (csrf != null) {
			all.putIfAbsent("_csrf", csrf);
		}
		List<String> pairs = new ArrayList<>();
		all.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))), false);
	}

	/** A multipart form as the browser posts it, with the page's CSRF token as a form field when {@code withCsrf}. */
	Answer multipartForm(String path, Multipart parts, boolean withCsrf) {
		Multipart body = withCsrf && csrf != null ? parts.field("_csrf", csrf) : parts;
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", body.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.body())), false);
	}

	/** A request on the REST API with HTTP Basic. */
	Answer api(String method, String path, byte[] body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", basic)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request, true);
	}

	Answer apiMultipart(String path, Multipart parts) {
		return api("POST", path, parts.body(), parts.contentType());
	}

	Answer apiJson(String method, String path, String json) {
		return api(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), json == null ? null : "application/json");
	}

	private URI uri(String path) {
		return URI.create(base + path);
	}

	private Answer send(HttpRequest.Builder request, boolean api) {
		if (!api) {
			request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		}
		try {
			HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			Answer answer = new Answer(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Type").orElse(""));
			Matcher token = META_CSRF.matcher(answer.text());
			if (!api && token.find()) {
				csrf = token.group(1);
			}
			return answer;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
