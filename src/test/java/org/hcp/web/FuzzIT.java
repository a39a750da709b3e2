package org.hcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hcp.support.RawHttp;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.json.JsonMapper;

/**
 * A few thousand hostile requests, reproducible from the printed seed, against every endpoint that Spring knows
 * (read from the handler mapping, so a new endpoint is fuzzed without touching this test), as admin and without a
 * key. Fails on any 5xx, on any error that is not problem+json, and on any row that a refused request left behind:
 * every string a request sends carries a marker with its number, and after the run no table may hold the marker of
 * a request that was refused.
 */
class FuzzIT extends ServiceFixtures {

	private static final long SEED = Long.getLong("hcp.fuzz.seed", 20_261_121L);
	private static final int REQUESTS = Integer.getInteger("hcp.fuzz.requests", 2_500);
	private static final Duration BUDGET = Duration.ofSeconds(45);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Path segments that a server (or the layer in front of it) has to refuse cleanly. */
	static final List<String> HOSTILE_SEGMENTS = List.of("%2F", "a%2Fb", "%5C", "%00", "a%00b", ";", "a;b", ";jsessionid=x",
			"%3B", "%25", "%252F", "%2e%2e", "%2e%2e%2f", "..", ".", "%20", "a%20b", "'", "\"", "|", "{", "}", "^", "`", "<",
			">", "%", "%zz", "%ff", "%C0%AE", "\\", "%0a", "%0d", "%09", "%7F", "%E4%B8%AD", "~", "*", "$", "[", "]", "@",
			"!", ",", "=", "+", "x".repeat(3_000));

	/** Content types that are wrong, incomplete or nonsense; null sends none. */
	static final List<String> HOSTILE_CONTENT_TYPES = java.util.Arrays.asList("multipart/form-data",
			"multipart/form-data; boundary=", "multipart/mixed", "*/*", "application/*", "text/*", "*/json",
			"application/json; charset=garbage", "application/json; charset=", "application/json;;;", "application/json; charset=utf-16",
			"application/json; charset=\"utf-8", "garbage", "/", ";", "text/csv", "text/csv; charset=x",
			"application/x-www-form-urlencoded", "application/xml", "text/plain", "application/octet-stream",
			"application/problem+json", null);

	static final List<String> HOSTILE_ACCEPTS = List.of("text/html", "application/xml", "image/png", "garbage", "*/*;q=x",
			"text/html;q=1, application/json;q=0", ";", "application/*");

	static final List<String> FIELDS = List.of("caseNo", "serviceNo", "level", "indicators", "comment", "channel", "rater",
			"regionCode", "itemCode", "departmentCode", "applicant", "acceptedAt", "completedAt", "services", "title", "token",
			"from", "text", "at", "name", "role", "code", "year", "days", "notice", "kind", "windowCode", "staffNo",
			"projectNo", "serviceNumber", "satisfaction", "txnBodyCom", "mobile", "certNo", "date", "parentCode");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record Endpoint(String method, String pattern, boolean takesBody) {

		boolean isPublic() {
			return pattern.startsWith("/api/public") || pattern.equals("/api/v1/evaluations/bound") || !pattern.startsWith("/api");
		}
	}

	record Attempt(int index, String label, String method, String target, Map<String, String> headers, byte[] body) {

		@Override
		public String toString() {
			String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
			return "#" + index + " " + label + " " + method + " " + abbreviate(target) + " " + headers.entrySet().stream()
				.filter(h -> !h.getKey().equals("X-Api-Key")).toList() + " " + abbreviate(shown);
		}
	}

	@Test
	void hostile_requests_get_a_problem_json_4xx_and_leave_nothing_behind() {
		System.out.println("FuzzIT seed " + SEED + " (rerun with -Dhcp.fuzz.seed=" + SEED + ")");
		List<Endpoint> endpoints = endpoints();
		assertThat(endpoints).hasSizeGreaterThan(20);
		String run = "FZ" + Long.toString(System.nanoTime(), 36).toUpperCase();
		Random random = new Random(SEED);
		Map<String, Object> validCase = validCase();
		Map<Integer, Integer> statusOf = new HashMap<>();
		Map<String, List<String>> failures = new TreeMap<>();
		long started = System.nanoTime();
		long deadline = started + BUDGET.toNanos();
		int sent = 0;
		for (; sent < REQUESTS && System.nanoTime() < deadline; sent++) {
			Attempt attempt = attempt(sent, run + "-" + sent + "-", random, endpoints, validCase);
			RawHttp.Response response = RawHttp.send(port, attempt.method(), attempt.target(), attempt.headers(), attempt.body());
			statusOf.put(sent, response.status());
			if (response.status() >= 500) {
				failures.computeIfAbsent("5xx " + attempt.label(), k -> new ArrayList<>()).add(attempt + " -> " + response);
			}
			else if (response.status() >= 400 && !response.isProblem() && !screenPage(attempt, response)) {
				failures.computeIfAbsent("not problem+json " + attempt.label(), k -> new ArrayList<>())
					.add(attempt + " -> " + response);
			}
		}
		storedTraces(run, statusOf, failures);
		System.out.printf("FuzzIT sent %d requests to %d endpoints and checked every table in %d ms%n", sent,
				endpoints.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
		StringBuilder report = new StringBuilder();
		failures.forEach((kind, examples) -> report.append('\n').append(examples.size()).append("× ").append(kind)
			.append("\n    e.g. ").append(examples.get(0)));
		assertThat(sent).isGreaterThanOrEqualTo(1_000);
		assertThat(failures).as("seed %d:%s", SEED, report).isEmpty();
	}

	/**
	 * A screen's refusal may be a page of the layout when the request asked for HTML (a person's browser); the API
	 * always answers problem+json.
	 */
	private static boolean screenPage(Attempt attempt, RawHttp.Response response) {
		String accept = attempt.headers().getOrDefault("Accept", "");
		boolean screen = !attempt.target().startsWith("/api") && !attempt.target().startsWith("/actuator")
				&& !attempt.target().startsWith("/v3/") && !attempt.target().startsWith("/swagger-ui");
		return screen && accept != null && accept.contains("text/html") && response.contentType().startsWith("text/html");
	}

	/** Every mapped endpoint and HTTP method, plus the health endpoint of the actuator. */
	private List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			boolean takesBody = false;
			for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
				takesBody |= parameter.hasParameterAnnotation(RequestBody.class);
			}
			var methods = entry.getKey().getMethodsCondition().getMethods();
			for (String pattern : entry.getKey().getPatternValues()) {
				if (methods.isEmpty()) {
					endpoints.add(new Endpoint("GET", pattern, takesBody));
					endpoints.add(new Endpoint("POST", pattern, takesBody));
				}
				for (RequestMethod method : methods) {
					endpoints.add(new Endpoint(method.name(), pattern, takesBody));
				}
			}
		}
		endpoints.add(new Endpoint("GET", "/actuator/health", false));
		endpoints.sort(java.util.Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
		return endpoints;
	}

	private Attempt attempt(int index, String marker, Random random, List<Endpoint> endpoints, Map<String, Object> validCase) {
		if (random.nextInt(10) == 0) {
			return caseWithHostileNumber(index, marker, random, validCase);
		}
		Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
		boolean asAdmin = endpoint.isPublic() ? random.nextInt(10) < 8 : random.nextInt(10) < 9;
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Api-Key", asAdmin ? ADMIN_KEY : null);
		String target = fill(endpoint.pattern(), marker, random, null);
		String label = (asAdmin ? "admin " : "anonymous ") + endpoint.method() + " " + endpoint.pattern() + " ";
		byte[] body = null;
		int kind = random.nextInt(5);
		boolean harmlessIfAccepted = endpoint.method().equals("GET") || endpoint.takesBody() || !asAdmin;
		if (kind == 0 || !harmlessIfAccepted) {
			// a hostile path: with a valid path, a write endpoint without a body would simply run
			String segment = HOSTILE_SEGMENTS.get(random.nextInt(HOSTILE_SEGMENTS.size()));
			target = endpoint.pattern().contains("{") ? fill(endpoint.pattern(), marker, random, segment)
					: target + (random.nextBoolean() ? "/" : "") + segment;
			label += "path";
		}
		else if (kind == 1) {
			target += "?" + hostileQuery(random);
			label += "query";
		}
		else if (kind == 2) {
			headers.put("Accept", HOSTILE_ACCEPTS.get(random.nextInt(HOSTILE_ACCEPTS.size())));
			label += "accept";
		}
		else if (kind == 3) {
			headers.put("Content-Type", HOSTILE_CONTENT_TYPES.get(random.nextInt(HOSTILE_CONTENT_TYPES.size())));
			label += "content-type";
		}
		else {
			label += "body";
		}
		if (!endpoint.method().equals("GET") && !endpoint.method().equals("DELETE")) {
			body = hostileBody(marker, random, endpoint, validCase);
			headers.putIfAbsent("Content-Type", endpoint.pattern().endsWith("/import") ? "text/csv" : "application/json");
		}
		return new Attempt(index, label, endpoint.method(), target, headers, body);
	}

	/**
	 * A case that would be registered but for its number, which holds a character that has no place in a URL or a
	 * key: it must be refused before anything is stored (it was stored, then answered 500 when its Location header
	 * could not be built).
	 */
	private static Attempt caseWithHostileNumber(int index, String marker, Random random, Map<String, Object> validCase) {
		Map<String, Object> body = new HashMap<>(validCase);
		String tail = hostileCaseNo(random);
		body.put("caseNo", marker + tail);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Api-Key", ADMIN_KEY);
		headers.put("Content-Type", "application/json");
		String shown = tail.length() > 10 ? tail.substring(0, 10) + "…" : tail;
		return new Attempt(index, "admin POST /api/v1/cases case number ending in " + JSON.writeValueAsString(shown), "POST", "/api/v1/cases", headers,
				JSON.writeValueAsBytes(body));
	}

	/** The pattern with every variable filled: the one hostile segment where given, else a value that names nothing. */
	private static String fill(String pattern, String marker, Random random, String hostile) {
		Matcher variables = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}").matcher(pattern);
		List<int[]> spans = new ArrayList<>();
		while (variables.find()) {
			spans.add(new int[] { variables.start(), variables.end() });
		}
		int hostileAt = spans.isEmpty() ? -1 : random.nextInt(spans.size());
		StringBuilder target = new StringBuilder();
		int last = 0;
		variables.reset();
		for (int i = 0; variables.find(); i++) {
			target.append(pattern, last, variables.start());
			String regex = variables.group(2);
			String value = regex != null ? regex.split("\\|")[random.nextInt(regex.split("\\|").length)] : marker;
			target.append(hostile != null && i == hostileAt ? (random.nextBoolean() ? marker : "") + hostile : value);
			last = variables.end();
		}
		return target.append(pattern.substring(last)).toString();
	}

	private static String hostileQuery(Random random) {
		String[] names = { "asOf", "page", "size", "from", "days", "caseNo", "since", "limit", "parent", "level", "region" };
		String[] values = { "%00", "-1", "99999999999999999999", "1e309", "NaN", "2026-13-45T99:99", "%zz", "%", "'%20or%201=1--",
				"%E4%B8%AD", "x".repeat(2_000), "", "[]", "%0d%0aX-Injected:%201" };
		StringBuilder query = new StringBuilder();
		for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
			query.append(i == 0 ? "" : "&").append(names[random.nextInt(names.length)]).append('=')
				.append(values[random.nextInt(values.length)]);
		}
		return query.toString();
	}

	private byte[] hostileBody(String marker, Random random, Endpoint endpoint, Map<String, Object> validCase) {
		if (endpoint.pattern().endsWith("/import")) {
			return hostileCsv(marker, random).getBytes(StandardCharsets.UTF_8);
		}
		int kind = random.nextInt(6);
		String text = switch (kind) {
			case 0 -> malformedJson(marker, random);
			case 1 -> nested(random.nextBoolean() ? "[" : "{\"a\":", random.nextBoolean() ? 3_000 : 200);
			case 2 -> {
				// a valid case with one hostile field: the case number, or any other
				Map<String, Object> body = new HashMap<>(validCase);
				String field = random.nextInt(3) == 0 ? FIELDS.get(random.nextInt(FIELDS.size())) : "caseNo";
				body.put(field, field.equals("caseNo") ? marker + hostileCaseNo(random) : hostileValue(marker, random));
				yield JSON.writeValueAsString(body);
			}
			default -> JSON.writeValueAsString(hostileObject(marker, random));
		};
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (random.nextInt(20) == 0) {
			// not UTF-8 at all
			bytes = text.getBytes(StandardCharsets.UTF_16LE);
		}
		return bytes;
	}

	private static String hostileCaseNo(Random random) {
		String[] tails = { " ", "'", "\"", "|", "{", "^", "}", "`", "<", ">", "\\", "/", "%", "?", "#", "\u0000", "\t", "\n",
				"\u3000", "\u202E", "\uD83D\uDE00", "中文", "x".repeat(200), ";", ".." };
		return tails[random.nextInt(tails.length)];
	}

	private static Object hostileValue(String marker, Random random) {
		return switch (random.nextInt(16)) {
			case 0 -> marker + "\u0000";
			case 1 -> marker + "\u0001\u001F\u007F";
			case 2 -> marker + "x".repeat(20_000);
			case 3 -> new java.math.BigDecimal("1e400");
			case 4 -> new java.math.BigInteger("9".repeat(60));
			case 5 -> -1;
			case 6 -> Long.MIN_VALUE;
			case 7 -> List.of(List.of(List.of(marker)));
			case 8 -> Map.of("nested", Map.of("deeper", marker));
			case 9 -> marker + "\uFEFF\u202E\u200B\uFFFF";
			case 10 -> marker + "\uD800";
			case 11 -> true;
			case 12 -> 3.5;
			case 13 -> marker + "'; drop table cas_case; --";
			case 14 -> marker + "<script>alert(1)</script>";
			default -> List.of();
		};
	}

	private static Map<String, Object> hostileObject(String marker, Random random) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
			body.put(FIELDS.get(random.nextInt(FIELDS.size())), hostileValue(marker, random));
		}
		return body;
	}

	private static String malformedJson(String marker, Random random) {
		String[] bodies = { "{", "}", "{\"caseNo\":", "{\"caseNo\":\"" + marker, "[1,2,", "{'caseNo':'" + marker + "'}",
				"{\"caseNo\":\"" + marker + "\",}", "null", "\"" + marker + "\"", "42", "true", "", " ", "\u0000",
				"{\"caseNo\":\"" + marker + "\\uZZZZ\"}", "{\"level\":01}", "{\"level\":NaN}", "{\"level\":1e999999999}",
				"{\"caseNo\":\"" + marker + "\",\"caseNo\":\"" + marker + "\"}", "\uFEFF{\"caseNo\":\"" + marker + "\"}",
				"{\"a\":\"" + marker + "\"}garbage", "<xml/>", "caseNo=" + marker, "{\"\u0000\":1}" };
		return bodies[random.nextInt(bodies.length)];
	}

	private static String nested(String open, int depth) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < depth; i++) {
			text.append(open);
		}
		return text.toString();
	}

	private static String hostileCsv(String marker, Random random) {
		String[] bodies = { "code,name\n" + marker + "\u0000,x\n", "code,name\n\"" + marker + ",x\n", "\u0000\u0000\u0000",
				"code\n" + marker + "x".repeat(5_000) + "\n", "nosuchfield\n" + marker + "\n", "", "\n\n\n",
				"code,name,code\n" + marker + ",a,b\n", "code,name\n" + marker + "\n", "\uFEFF" };
		return bodies[random.nextInt(bodies.length)];
	}

	/** A case the cases API would accept, in the test hall; the fuzz spoils one field of it. */
	private Map<String, Object> validCase() {
		Hall hall = hall();
		OffsetDateTime accepted = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).withNano(0);
		Map<String, Object> body = new HashMap<>();
		body.put("itemCode", hall.item());
		body.put("departmentCode", hall.department());
		body.put("regionCode", hall.region());
		body.put("caseType", "ON_THE_SPOT");
		body.put("applyChannel", "WINDOW");
		body.put("applicant", Map.of("type", 1, "name", "李四", "certType", "111", "certNo", "110101199003074512"));
		body.put("acceptedAt", accepted.toString());
		body.put("services", List.of(Map.of("serviceNo", 1, "name", "受理", "at", accepted.toString(), "staffNo",
				hall.staffNo(), "windowCode", hall.window())));
		return body;
	}

	/** Rows in any table that carry the marker of a refused request. */
	private void storedTraces(String run, Map<Integer, Integer> statusOf, Map<String, List<String>> failures) {
		Pattern marker = Pattern.compile(run + "-(\\d+)-");
		List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema() "
				+ "and table_type = 'BASE TABLE' and table_name not like 'flyway%'").query(String.class).list();
		for (String table : tables) {
			List<String> rows = jdbc.sql("select t::text from " + table + " t where t::text like ?")
				.param("%" + run + "-%")
				.query(String.class)
				.list();
			for (String row : rows) {
				Matcher found = marker.matcher(row);
				while (found.find()) {
					int index = Integer.parseInt(found.group(1));
					if (statusOf.getOrDefault(index, 0) >= 400) {
						failures.computeIfAbsent("stored by a refused request in " + table, k -> new ArrayList<>())
							.add("#" + index + " (" + statusOf.get(index) + "): " + abbreviate(row));
					}
				}
			}
		}
	}

	private static String abbreviate(String text) {
		return text.length() > 200 ? text.substring(0, 200) + "…(" + text.length() + ")" : text;
	}
}
