package org.hcp.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hcp.security.Role;

import tools.jackson.databind.json.JsonMapper;

/**
 * People for HTTP-level tests: accounts created through the admin API ({@code POST /api/v1/admin/users}), then used
 * either on the REST API with HTTP Basic ({@link Person#api()}) or on the screens with a signed-in session — cookie
 * and CSRF token — ({@link Person#signIn()}). From any {@link ApiTest}:
 *
 * <pre>
 * People people = new People(port);
 * Person handler = people.department(hall().region(), hall().department());
 * handler.api().get("/api/v1/work-orders");                 // Basic auth
 * People.Session screen = handler.signIn();                 // form login
 * screen.get("/app/orders");                                // HTML, status, redirect location
 * screen.post("/app/orders/1/verify", Map.of("note", "…"));  // a form with its CSRF token
 * screen.htmx("POST", "/app/orders/1/verify", Map.of());     // as htmx sends it (X-CSRF-TOKEN header)
 * </pre>
 *
 * Regions, departments and staff numbers must exist in the catalog (ServiceFixtures' {@code hall()} has them).
 */
public final class People {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
	private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final String base;
	private final Http admin;

	public People(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.admin = new Http(base, ApiTest.ADMIN_KEY);
	}

	/** An account being described; {@link Builder#create()} creates it. */
	public Builder with(Role... roles) {
		return new Builder(roles);
	}

	public Person department(String region, String departmentCode) {
		return with(Role.DEPARTMENT).region(region).department(departmentCode).create();
	}

	public Person office(String region) {
		return with(Role.OFFICE).region(region).create();
	}

	public Person hotline(String region) {
		return with(Role.HOTLINE).region(region).create();
	}

	public Person assessor(String region) {
		return with(Role.ASSESSOR).region(region).create();
	}

	public Person staff(String region, String staffNo) {
		return with(Role.STAFF).region(region).staff(staffNo).create();
	}

	public Person admin() {
		return with(Role.ADMIN).create();
	}

	/** A fresh login name, unique to this run. */
	public static String newLogin() {
		return "u" + Long.toString(System.nanoTime(), 36) + ThreadLocalRandom.current().nextInt(1000);
	}

	/** A password that meets the policy. */
	public static String newPassword() {
		return "Pw-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36) + "-x9";
	}

	public final class Builder {

		private final Map<String, Object> body = new LinkedHashMap<>();

		Builder(Role... roles) {
			body.put("login", newLogin());
			body.put("displayName", "测试人员");
			body.put("roles", Arrays.stream(roles).map(Role::name).toList());
			body.put("password", newPassword());
		}

		public Builder region(String region) {
			body.put("regionCode", region);
			return this;
		}

		public Builder department(String departmentCode) {
			body.put("departmentCode", departmentCode);
			return this;
		}

		public Builder staff(String staffNo) {
			body.put("staffNo", staffNo);
			return this;
		}

		public Builder mobile(String mobile) {
			body.put("mobile", mobile);
			return this;
		}

		public Builder displayName(String name) {
			body.put("displayName", name);
			return this;
		}

		public Builder login(String login) {
			body.put("login", login);
			return this;
		}

		public Builder password(String password) {
			body.put("password", password);
			return this;
		}

		/** The request body as it stands, for tests of the admin API itself. */
		public Map<String, Object> body() {
			return new LinkedHashMap<>(body);
		}

		public Person create() {
			Http.Reply reply = admin.post("/api/v1/admin/users", body);
			assertThat(reply.status()).as("creating a person: " + reply).isEqualTo(201);
			Set<Role> roles = new TreeSet<>();
			reply.json().path("roles").forEach(r -> roles.add(Role.valueOf(r.asString())));
			return new Person(reply.json().path("id").asLong(), (String) body.get("login"), (String) body.get("password"),
					roles, reply.json().path("regionCode").asString(null), reply.json().path("departmentCode").asString(null),
					reply.json().path("staffNo").asString(null));
		}
	}

	/** A person with an account: their id, login, password, roles and where they belong. */
	public final class Person {

		private final long id;
		private final String login;
		private final String password;
		private final Set<Role> roles;
		private final String region;
		private final String department;
		private final String staffNo;

		Person(long id, String login, String password, Set<Role> roles, String region, String department, String staffNo) {
			this.id = id;
			this.login = login;
			this.password = password;
			this.roles = roles;
			this.region = region;
			this.department = department;
			this.staffNo = staffNo;
		}

		public long id() {
			return id;
		}

		public String login() {
			return login;
		}

		public String password() {
			return password;
		}

		public Set<Role> roles() {
			return roles;
		}

		public String region() {
			return region;
		}

		public String department() {
			return department;
		}

		public String staffNo() {
			return staffNo;
		}

		/** This person on the REST API, with HTTP Basic. */
		public Api api() {
			return new Api(base, login, password);
		}

		/** This person signed in on the screens; fails the test unless the sign-in succeeds. */
		public Session signIn() {
			Session session = new Session(base);
			Page done = session.signIn(login, password);
			assertThat(done.status()).as("signing in " + login + ": " + done).isEqualTo(302);
			assertThat(done.location()).as("signing in " + login).doesNotContain("/login");
			return session;
		}
	}

	/** Calls the REST API as one person with HTTP Basic; answers like {@link Http}. */
	public static final class Api {

		private static final HttpClient CLIENT = HttpClient.newHttpClient();

		private final String base;
		private final String authorization;

		public Api(String base, String login, String password) {
			this.base = base;
			this.authorization = "Basic " + Base64.getEncoder()
				.encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
		}

		public Http.Reply get(String path) {
			return send("GET", path, null, null);
		}

		public Http.Reply post(String path, Object body) {
			return send("POST", path, body == null ? "" : JSON.writeValueAsString(body), "application/json");
		}

		public Http.Reply put(String path, Object body) {
			return send("PUT", path, JSON.writeValueAsString(body), "application/json");
		}

		public Http.Reply delete(String path) {
			return send("DELETE", path, null, null);
		}

		public Http.Reply send(String method, String path, String body, String contentType) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", authorization)
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			HttpResponse<String> response = People.send(CLIENT, request.build());
			return new Http.Reply(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
	}

	/** An answer of a screen: status, HTML (or JSON of a refusal), where a redirect points, content type. */
	public record Page(int status, String text, String location, String contentType) {

		@Override
		public String toString() {
			return status + (location == null ? "" : " -> " + location) + " " + (text.length() > 500 ? text.substring(0, 500) + "…" : text);
		}
	}

	/**
	 * A browser session without the browser: a cookie jar, redirects not followed (the test sees them), and the
	 * CSRF token of the last page that had one, sent with every form and htmx request.
	 */
	public static final class Session {

		private final String base;
		private final HttpClient client;
		private String csrf;

		public Session(String base) {
			this.base = base;
			this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
		}

		/** Signs in on the sign-in page, as a person would; the answer is the redirect after it. */
		public Page signIn(String login, String password) {
			get("/login");
			Page done = post("/login", Map.of("username", login, "password", password));
			if (done.status() == 302 && !done.location().contains("/login")) {
				get("/app"); // the token changes at sign-in; take the new one
			}
			return done;
		}

		public Page get(String path) {
			return send("GET", path, null, null, false);
		}

		/** Posts a form (urlencoded) with the session's CSRF token. */
		public Page post(String path, Map<String, String> form) {
			Map<String, String> fields = new LinkedHashMap<>(form);
			if (csrf != null) {
				fields.putIfAbsent("_csrf", csrf);
			}
			return send("POST", path, encode(fields), "application/x-www-form-urlencoded", false);
		}

		/**
		 * Posts a multipart form as a browser uploads a file (evidence, a CSV): the fields, the session's CSRF token
		 * and one file part.
		 */
		public Page upload(String path, Map<String, String> fields, String fileField, String filename, String contentType,
				byte[] content) {
			String boundary = "----hcp" + Long.toString(System.nanoTime(), 36);
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			Map<String, String> all = new LinkedHashMap<>(fields);
			if (csrf != null) {
				all.putIfAbsent("_csrf", csrf);
			}
			all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
					+ "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
					+ filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Accept", "text/html")
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build();
			return page(People.send(client, request));
		}

		/** Posts a form without any CSRF token (to test that it is refused). */
		public Page postWithoutCsrf(String path, Map<String, String> form) {
			return send("POST", path, encode(form), "application/x-www-form-urlencoded", false);
		}

		/** A request as htmx sends it: {@code HX-Request} and the token in the {@code X-CSRF-TOKEN} header. */
		public Page htmx(String method, String path, Map<String, String> form) {
			return send(method, path, form == null ? null : encode(form), form == null ? null : "application/x-www-form-urlencoded", true);
		}

		/** Signs out with the logout form. */
		public Page signOut() {
			return post("/logout", Map.of());
		}

		public String csrfToken() {
			return csrf;
		}

		private Page send(String method, String path, String body, String contentType, boolean htmx) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			if (htmx) {
				request.header("HX-Request", "true");
				if (csrf != null) {
					request.header("X-CSRF-TOKEN", csrf);
				}
			}
			return page(People.send(client, request.build()));
		}

		private Page page(HttpResponse<String> response) {
			String text = response.body() == null ? "" : response.body();
			Matcher token = META_CSRF.matcher(text);
			Matcher hidden = HIDDEN_CSRF.matcher(text);
			if (token.find()) {
				csrf = token.group(1);
			}
			else if (hidden.find()) {
				csrf = hidden.group(1);
			}
			return new Page(response.statusCode(), text, response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Type").orElse(""));
		}

		private static String encode(Map<String, String> form) {
			List<String> pairs = new ArrayList<>();
			form.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8)));
			return String.join("&", pairs);
		}
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
