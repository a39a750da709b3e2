package org.hcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.hcp.support.Http;
import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint × a key limited to region A × data in region B. Each mapped endpoint is either probed here — the
 * A-limited key is refused and sees nothing of region B, nothing is stored, and the same request with a B-limited key
 * succeeds, so the data is really there — or listed as holding no regional data, or as admin-only (checked: 403 for
 * the A key). A new endpoint in neither list fails this test until someone decides which it is.
 */
class RegionScopeMatrixIT extends ServiceFixtures {

	/** Region A: a sibling county of the test county, where the limited key belongs. Region B is the test county. */
	private static final String REGION_A = "980102";
	private static final String REGION_B = "980101";

	/** Endpoints without regional data, each with the reason. */
	private static final Map<String, String> NOT_REGIONAL = Map.ofEntries(
			Map.entry("GET /api/v1/catalog/{kind}", "catalog reference data 目录, the same for every platform"),
			Map.entry("GET /api/v1/catalog/{kind}/{code}", "catalog reference data 目录"),
			Map.entry("GET /api/v1/catalog/indicators", "the national indicator catalog 评价指标"),
			Map.entry("GET /api/v1/catalog/indicator-versions", "the national indicator catalog versions"),
			Map.entry("GET /api/v1/calendar/years", "the working-day calendar 工作日历"),
			Map.entry("GET /api/v1/calendar/days/{date}", "the working-day calendar"),
			Map.entry("GET /api/v1/calendar/plus-working-days", "the working-day calendar"),
			Map.entry("GET /api/public/integrity/head", "one hash of the sealed chain, no rows"),
			Map.entry("POST /api/public/one-time-codes",
					"no key: sends an SMS code only to a mobile registered as an applicant, the same answer otherwise"),
			Map.entry("POST /api/v1/evaluations/bound",
					"no key: authorised by a binding token, issued only inside its issuer's scope (probed below)"),
			Map.entry("GET /", "the start page"),
			Map.entry("* /error", "the error page"),
			Map.entry("GET /v3/api-docs", "the OpenAPI description"),
			Map.entry("GET /v3/api-docs.yaml", "the OpenAPI description"),
			Map.entry("GET /v3/api-docs/swagger-config", "the OpenAPI UI configuration"),
			Map.entry("GET /swagger-ui.html", "the OpenAPI UI"),
			// people: the sign-in page and the landing page show no regional data, only the person's own navigation
			Map.entry("GET /login", "the sign-in page"),
			Map.entry("GET /app", "the landing page: the signed-in person's name and navigation"),
			// doors: the paper form page shows blank rows and only the signed-in person's own recent forms
			Map.entry("GET /app/paper", "blank rows, the catalog's reason codes and the person's own recent forms"),
			// orders: the rater's status page API is keyed by the unguessable token of the reply SMS, not by region
			Map.entry("GET /api/public/rater-status/{token}", "no login: the reply's unguessable token is the key"),
			Map.entry("POST /api/public/rater-status/{token}", "no login: the reply's unguessable token is the key"),
			// the administrators' accounts screen: an ADMIN session only (URL rule and façade), no key reaches it
			Map.entry("GET /app/admin/users", "accounts screen, administrators only"),
			Map.entry("POST /app/admin/users", "accounts screen, administrators only"),
			Map.entry("POST /app/admin/users/{id}/disable", "accounts screen, administrators only"),
			Map.entry("POST /app/admin/users/{id}/enable", "accounts screen, administrators only"),
			Map.entry("POST /app/admin/users/{id}/password", "accounts screen, administrators only"),
			Map.entry("POST /app/admin/users/import", "accounts screen, administrators only"),
			// the raters' pages (doors): keyed by a signed token, a signed progress link or the rater's own proven mobile
			Map.entry("GET /a11y", "the raters' large-text and contrast switch: a cookie, no data"),
			Map.entry("GET /rate/t/{token}", "no login: the binding token is the key; shows window and staff number only"),
			Map.entry("POST /rate/t/{token}", "no login: rates with the binding token, as POST /api/v1/evaluations/bound"),
			Map.entry("POST /rate/t/{token}/code", "no login: an SMS code to the applicant's own mobile, same answer for all"),
			Map.entry("GET /rate/t/{token}/code", "no login: redirects to the token's rating page (language switch after a code was sent)"),
			Map.entry("GET /kiosk", "the kiosk's idle screen, no data"),
			Map.entry("GET /kiosk/{token}", "no login: the kiosk's binding token is the key"),
			Map.entry("POST /kiosk/{token}", "no login: rates with the kiosk's binding token"),
			Map.entry("POST /kiosk/{token}/code", "no login: an SMS code to the applicant's own mobile, same answer for all"),
			Map.entry("GET /kiosk/{token}/code", "no login: redirects to the kiosk's rating page (language switch after a code was sent)"),
			Map.entry("GET /q/{code}", "no login: a printed staff code opens its window's rating page; window and staff number only"),
			Map.entry("GET /c/{code}", "no login: a case's signed short link opens its rating page"),
			Map.entry("GET /rate/thanks/{link}", "no login: the rating's signed progress link is the key"),
			Map.entry("GET /rate", "一事一评: only the cases of the mobile proven by an SMS code, in no region's scope"),
			Map.entry("POST /rate/code", "一事一评 sign-in: an SMS code to an applicant's own mobile, same answer for all"),
			Map.entry("POST /rate/signin", "一事一评 sign-in with the SMS code"),
			Map.entry("POST /rate/signout", "一事一评 sign-out"),
			Map.entry("GET /rate/case/{caseNo}", "一事一评: a case of the proven mobile only (another's reads as unknown)"),
			Map.entry("POST /rate/case/{caseNo}", "一事一评: rates a case of the proven mobile only"),
			// analytics: public disclosure 公开 — suppressed counts and rates of ended quarters, no personal data
			Map.entry("GET /public/statistics", "no login: public figures of any region, small counts suppressed"),
			Map.entry("GET /api/public/v1/statistics", "no login: public figures of any region, small counts suppressed"),
			Map.entry("GET /api/public/v1/statistics.csv", "no login: the same public figures as CSV"),
			// exchange (ADR 0031): the national interface is authenticated by its envelope, and its records are held to
			// the registered peer's region (OUT_OF_SCOPE per record, NationalIntakeIT); our public key is public; the
			// exchange screen is an ADMIN session's only
			Map.entry("POST /api/exchange/v1/national", "no key: a registered peer's signed envelope, records held to its region"),
			Map.entry("GET /api/exchange/v1/public-key", "our SM2 public key, published for lower platforms"),
			Map.entry("GET /app/admin/exchange", "exchange screen, administrators only"),
			Map.entry("POST /app/admin/exchange/peers", "exchange screen, administrators only"),
			Map.entry("POST /app/admin/exchange/keys/rotate", "exchange screen, administrators only"),
			// exchange push (issue 9): the backlog is two counts and one age of the whole push queue, no records; the
			// screen's 补报 button is for administrators only (checked in the handler) and re-queues failures only
			Map.entry("GET /api/v1/exchange/backlog", "counts and the oldest age of the whole push queue, no records"),
			Map.entry("POST /app/exchange/resend", "补报 button: administrators only, checked in the handler"));

	/** Admin-only endpoints, with a concrete path each: the A key must get 403. */
	private static final Map<String, String> ADMIN_ONLY = Map.ofEntries(
			Map.entry("POST /api/v1/catalog/{kind}", "/api/v1/catalog/regions"),
			Map.entry("PUT /api/v1/catalog/{kind}/{code}", "/api/v1/catalog/regions/" + REGION_B + "000000"),
			Map.entry("DELETE /api/v1/catalog/{kind}/{code}", "/api/v1/catalog/regions/" + REGION_B + "000000"),
			Map.entry("POST /api/v1/catalog/{kind}/import", "/api/v1/catalog/regions/import"),
			Map.entry("POST /api/v1/catalog/indicator-versions", "/api/v1/catalog/indicator-versions"),
			Map.entry("POST /api/v1/catalog/indicator-versions/{version}/indicators",
					"/api/v1/catalog/indicator-versions/1/indicators"),
			Map.entry("PUT /api/v1/catalog/indicator-versions/{version}/indicators/{code}",
					"/api/v1/catalog/indicator-versions/1/indicators/511"),
			Map.entry("DELETE /api/v1/catalog/indicator-versions/{version}/indicators/{code}",
					"/api/v1/catalog/indicator-versions/1/indicators/511"),
			Map.entry("POST /api/v1/catalog/indicator-versions/{version}/indicators/import",
					"/api/v1/catalog/indicator-versions/1/indicators/import"),
			Map.entry("POST /api/v1/catalog/indicator-versions/{version}/publish",
					"/api/v1/catalog/indicator-versions/1/publish"),
			Map.entry("GET /api/v1/admin/jobs", "/api/v1/admin/jobs"),
			Map.entry("POST /api/v1/admin/jobs/{name}/run", "/api/v1/admin/jobs/default-ratings/run"),
			Map.entry("GET /api/v1/admin/integrity/verify", "/api/v1/admin/integrity/verify"),
			Map.entry("GET /api/v1/admin/sms/outbound", "/api/v1/admin/sms/outbound"),
			Map.entry("POST /api/v1/admin/calendar/years", "/api/v1/admin/calendar/years"),
			Map.entry("POST /api/v1/admin/api-keys", "/api/v1/admin/api-keys"),
			Map.entry("GET /api/v1/admin/api-keys", "/api/v1/admin/api-keys"),
			Map.entry("DELETE /api/v1/admin/api-keys/{id}", "/api/v1/admin/api-keys/1"),
			// people: accounts are administered by administrators only
			Map.entry("POST /api/v1/admin/users", "/api/v1/admin/users"),
			Map.entry("GET /api/v1/admin/users", "/api/v1/admin/users"),
			Map.entry("GET /api/v1/admin/users/{id}", "/api/v1/admin/users/1"),
			Map.entry("POST /api/v1/admin/users/{id}/disable", "/api/v1/admin/users/1/disable"),
			Map.entry("POST /api/v1/admin/users/{id}/enable", "/api/v1/admin/users/1/enable"),
			Map.entry("PUT /api/v1/admin/users/{id}/password", "/api/v1/admin/users/1/password"),
			Map.entry("POST /api/v1/admin/users/import", "/api/v1/admin/users/import"),
			// orders: rule profiles (deadlines per region) are set by administrators only
			Map.entry("GET /api/v1/admin/rule-profiles", "/api/v1/admin/rule-profiles"),
			Map.entry("GET /api/v1/admin/rule-profiles/regions/{regionCode}", "/api/v1/admin/rule-profiles/regions/980101"),
			Map.entry("PUT /api/v1/admin/rule-profiles/regions/{regionCode}", "/api/v1/admin/rule-profiles/regions/980101"),
			Map.entry("DELETE /api/v1/admin/rule-profiles/regions/{regionCode}", "/api/v1/admin/rule-profiles/regions/980101"),
			// statistics: the recompute check and the catch-up of the rollups are run by administrators only
			Map.entry("POST /api/v1/admin/statistics/check", "/api/v1/admin/statistics/check?key=980101&period=2026Q4"),
			Map.entry("POST /api/v1/admin/statistics/catch-up", "/api/v1/admin/statistics/catch-up"),
			// exchange: the peer registry and our key pairs (ADR 0031) are administered by administrators only
			Map.entry("GET /api/v1/admin/exchange/peers", "/api/v1/admin/exchange/peers"),
			Map.entry("POST /api/v1/admin/exchange/peers", "/api/v1/admin/exchange/peers"),
			Map.entry("GET /api/v1/admin/exchange/peers/{appId}", "/api/v1/admin/exchange/peers/x"),
			Map.entry("PUT /api/v1/admin/exchange/peers/{appId}", "/api/v1/admin/exchange/peers/x"),
			Map.entry("GET /api/v1/admin/exchange/keys", "/api/v1/admin/exchange/keys"),
			Map.entry("POST /api/v1/admin/exchange/keys/rotate", "/api/v1/admin/exchange/keys/rotate"),
			// exchange push (issue 9): 补报 is for administrators only
			Map.entry("POST /api/v1/admin/exchange/resend", "/api/v1/admin/exchange/resend"));

	/**
	 * notification: endpoints that read a person's own inbox (站内消息) or the office's failed sends — regional, but
	 * answered 200 with less rather than refused; probed with people of region A and B in
	 * {@link #notices_of_region_b_are_neither_shown_nor_marked_for_people_of_region_a}.
	 */
	private static final Map<String, String> PEOPLE_PROBED_NOTICES = Map.ofEntries(
			Map.entry("GET /api/v1/notices", "own messages: region B's are not listed for region A"),
			Map.entry("GET /api/v1/notices/unread-count", "own messages: region B's are not counted for region A"),
			Map.entry("POST /api/v1/notices/{id}/read", "404 for region A, nothing stored"),
			Map.entry("POST /api/v1/notices/read-all", "marks nothing of region B for region A"),
			Map.entry("GET /api/v1/notices/failed-sends", "region B's failures are not listed for region A's office"),
			Map.entry("GET /app/notices", "the screen of the above"),
			Map.entry("GET /app/notices/badge", "the unread count on the screens"),
			Map.entry("POST /app/notices/{id}/read", "404 for region A, nothing stored"),
			Map.entry("POST /app/notices/read-all", "marks nothing of region B for region A"));

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** One request at region-B data; {@code sms} marks the SMS gateway's endpoint, called with the gateway keys. */
	record Probe(String endpoint, String method, String path, Object body, boolean sms, People.Person inA,
			People.Person inB, boolean screen) {

		static Probe of(String endpoint, Object body) {
			String[] parts = endpoint.split(" ", 2);
			return new Probe(endpoint, parts[0], parts[1], body, false, null, null, false);
		}

		Probe at(String concretePath) {
			return new Probe(endpoint, method, concretePath, body, sms, inA, inB, screen);
		}

		Probe bySmsGateway() {
			return new Probe(endpoint, method, path, body, true, inA, inB, screen);
		}

		/** Called by people instead of keys: on the REST API with HTTP Basic, one person of each region. */
		Probe byPeople(People.Person a, People.Person b) {
			return new Probe(endpoint, method, path, body, sms, a, b, false);
		}

		/**
		 * Called by people on the screens, signed in (a form post with the CSRF token); success may be the redirect
		 * after a post.
		 */
		Probe onScreenBy(People.Person a, People.Person b) {
			return new Probe(endpoint, method, path, body, sms, a, b, true);
		}
	}

	@Test
	void every_endpoint_is_probed_with_a_key_of_another_region_or_listed_as_not_regional_or_admin_only() {
		Keys keys = keys();
		List<Probe> probes = probesAtRegionB();
		Set<String> probed = new TreeSet<>();
		probes.forEach(p -> probed.add(p.endpoint()));
		Set<String> undecided = new TreeSet<>(endpoints());
		undecided.removeAll(probed);
		undecided.removeAll(NOT_REGIONAL.keySet());
		undecided.removeAll(ADMIN_ONLY.keySet());
		undecided.removeAll(PEOPLE_PROBED_NOTICES.keySet());
		undecided.removeAll(WORK_ORDERS_PROBED_WITH_PEOPLE);
		undecided.removeAll(APPEALS_PROBED_WITH_PEOPLE);
		undecided.removeAll(WORK_ORDER_SCREENS.keySet());
		undecided.removeAll(EVALUATOR_DEVICES.keySet());
		assertThat(undecided).as("endpoints in no list of the region-scope matrix: probe them or list them").isEmpty();
		assertThat(endpoints()).as("every probed or listed endpoint is still mapped").containsAll(probed)
			.containsAll(ADMIN_ONLY.keySet());

		for (Probe p : probes) {
			Set<String> leakMarkers = leakMarkers(p);
			Map<String, Long> before = storedCounts();
			Http.Reply refused = call(keys, p, false);
			assertThat(refused.status()).as(p.endpoint() + " with a key of region A: " + refused).isIn(403, 404, 422);
			assertThat(leakMarkers).as(p.endpoint() + " answers region-B data to region A: " + refused)
				.noneMatch(refused.text()::contains);
			assertThat(storedCounts()).as(p.endpoint() + " stored something for region A").isEqualTo(before);
			Http.Reply allowed = call(keys, p, true);
			assertThat(allowed.status()).as(p.endpoint() + " with a key of region B: " + allowed)
				.isBetween(200, p.screen() ? 302 : 202);
		}
		for (Map.Entry<String, String> admin : ADMIN_ONLY.entrySet()) {
			String method = admin.getKey().split(" ", 2)[0];
			Http.Reply reply = this.admin.as(keys.platformA()).send(method, admin.getValue(),
					method.equals("GET") || method.equals("DELETE") ? null : "{}", "application/json");
			assertThat(reply.status()).as(admin.getKey() + " with a key of region A: " + reply).isEqualTo(403);
		}
	}

	@Test
	void a_pushed_array_refuses_only_the_records_of_another_region_each_naming_its_field() {
		Keys keys = keys();
		String inB = unique("P");
		String inA = unique("P");
		Map<String, Object> foreign = serviceRecord(inA);
		foreign.put("areaCode", REGION_A);
		Http.Reply reply = admin.as(keys.platformB()).post("/api/exchange/v1/services", List.of(serviceRecord(inB), foreign));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().path("results").get(0).path("status").asString()).isEqualTo("accepted");
		assertThat(reply.json().path("results").get(1).path("code").asString()).isEqualTo("OUT_OF_SCOPE");
		assertThat(reply.json().path("results").get(1).path("field").asString()).isEqualTo("areaCode");
		assertThat(admin.get("/api/v1/cases/" + inA).status()).isEqualTo(404);

		String rated = unique("P");
		assertThat(admin.post("/api/exchange/v1/services", serviceRecord(rated)).status()).isEqualTo(201);
		Http.Reply ratings = admin.as(keys.platformA()).post("/api/exchange/v1/evaluations",
				List.of(exchangeRating(rated), exchangeRating(unique("P"))));
		assertThat(ratings.json().path("results").get(0).path("code").asString()).isEqualTo("OUT_OF_SCOPE");
		assertThat(ratings.json().path("results").get(0).path("field").asString()).isEqualTo("projectNo");
		assertThat(ratings.json().path("results").get(1).path("code").asString()).isEqualTo("UNKNOWN_SERVICE");
		assertThat(jdbc.sql("select count(*) from evl_evaluation where case_no = :c").param("c", rated)
			.query(Long.class).single()).isZero();
	}

	@Test
	void an_admin_key_and_work_without_a_caller_see_every_region() {
		assertThat(RegionScope.current().covers(new org.hcp.shared.RegionCode(REGION_A + "000000"))).isTrue();
		assertThat(RegionScope.current()).isEqualTo(RegionScope.everywhere());
		var c = aCase().completedAfter(5);
		c.create();
		assertThat(admin.get("/api/v1/cases/" + c.caseNo()).status()).isEqualTo(200);
	}

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	/** notification: an office message and a failed send of region B, and people of region A and B who read them. */
	@Test
	void notices_of_region_b_are_neither_shown_nor_marked_for_people_of_region_a() {
		assertThat(endpoints()).as("every notice endpoint is still mapped").containsAll(PEOPLE_PROBED_NOTICES.keySet());
		county();
		assertThat(admin.post("/api/v1/catalog/regions", Map.of("code", REGION_A + "000000", "name", "测试县"))
			.status()).isIn(201, 409);
		org.hcp.support.People people = new org.hcp.support.People(port);
		org.hcp.support.People.Person officeA = people.office(REGION_A + "000000");
		org.hcp.support.People.Person officeB = people.office(REGION_B + "000000");
		org.hcp.support.People.Session screenA = officeA.signIn();
		org.hcp.support.People.Session screenB = officeB.signIn();
		long unreadOfA = officeA.api().get("/api/v1/notices/unread-count").json().path("unread").asLong();
		String badgeOfA = screenA.htmx("GET", "/app/notices/badge", null).text();

		long order = java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L, 1_000_000_000_000L);
		String orderNo = unique("GDB");
		java.time.Instant at = java.time.Instant.now();
		transactions.executeWithoutResult(tx -> {
			events.publishEvent(new org.hcp.rectification.WorkOrderOpened(order, orderNo,
					org.hcp.rectification.WorkOrderSource.BAD_REVIEW, REGION_B + "000000", hall().department(), null, at));
			events.publishEvent(new org.hcp.rectification.WorkOrderAdvanced(order, orderNo, "request-extension",
					org.hcp.rectification.WorkOrderState.VERIFIED, org.hcp.rectification.WorkOrderState.VERIFIED,
					REGION_B + "000000", hall().department(), null, at));
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from ntf_order where order_id = :o")
			.param("o", order).query(Long.class).single() == 1);
		transactions.executeWithoutResult(tx -> events.publishEvent(new org.hcp.rectification.RaterReplied(order,
				orderNo, List.of(-1L), unique("reply-"), "已整改。", "/r/x", at)));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from ntf_message where order_id = :o")
			.param("o", order).query(Long.class).single() == 1 && jdbc.sql(
					"select count(*) from ntf_send_failure where reference = :r").param("r", orderNo).query(Long.class)
				.single() == 1);
		long id = jdbc.sql("select id from ntf_message where order_id = :o").param("o", order).query(Long.class).single();
		java.util.function.LongSupplier reads = () -> jdbc.sql("select count(*) from ntf_message_read where message_id = :m")
			.param("m", id).query(Long.class).single();

		// the screens first, while the message is unread
		assertThat(screenA.get("/app/notices").text()).doesNotContain(orderNo);
		assertThat(screenB.get("/app/notices").text()).contains(orderNo);
		assertThat(officeA.api().get("/api/v1/notices/unread-count").json().path("unread").asLong()).isEqualTo(unreadOfA);
		assertThat(screenA.htmx("GET", "/app/notices/badge", null).text()).isEqualTo(badgeOfA);
		assertThat(screenB.htmx("GET", "/app/notices/badge", null).text()).contains("notice-badge");
		screenA.get("/app/notices");
		assertThat(screenA.post("/app/notices/" + id + "/read", Map.of()).status()).isEqualTo(404);
		assertThat(screenA.post("/app/notices/read-all", Map.of()).status()).isEqualTo(302);
		assertThat(reads.getAsLong()).as("region A marked region B's message").isZero();

		// the API
		assertThat(officeA.api().get("/api/v1/notices").text()).doesNotContain(orderNo);
		assertThat(officeB.api().get("/api/v1/notices").text()).contains(orderNo);
		assertThat(officeA.api().get("/api/v1/notices/unread-count").json().path("unread").asLong()).isZero();
		assertThat(officeB.api().get("/api/v1/notices/unread-count").json().path("unread").asLong()).isPositive();
		assertThat(officeA.api().get("/api/v1/notices/failed-sends").text()).doesNotContain(orderNo);
		assertThat(officeB.api().get("/api/v1/notices/failed-sends").text()).contains(orderNo);
		assertThat(officeA.api().post("/api/v1/notices/" + id + "/read", null).status()).isEqualTo(404);
		assertThat(officeA.api().post("/api/v1/notices/read-all", null).json().path("marked").asInt()).isZero();
		assertThat(reads.getAsLong()).as("region A marked region B's message").isZero();
		assertThat(officeB.api().post("/api/v1/notices/" + id + "/read", null).status()).isEqualTo(200);
		assertThat(reads.getAsLong()).isEqualTo(1);
		assertThat(screenB.get("/app/notices").status()).isEqualTo(200);
		assertThat(screenB.post("/app/notices/" + id + "/read", Map.of()).status()).isEqualTo(302);
		assertThat(screenB.post("/app/notices/read-all", Map.of()).status()).isEqualTo(302);
	}

	// ---------------------------------------------------------------------------------------------------------

	record Keys(String platformA, String platformB, String smsA, String smsB) {
	}

	private Keys keys() {
		return new Keys(key("PLATFORM", REGION_A), key("PLATFORM", REGION_B), key("SMS_GATEWAY", REGION_A),
				key("SMS_GATEWAY", REGION_B));
	}

	private String key(String role, String region) {
		Http.Reply reply = admin.post("/api/v1/admin/api-keys", Map.of("name", unique("区域密钥"), "role", role,
				"regionCode", region));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().path("key").asString();
	}

	/** Region-B data, and one request per regional endpoint at it; each request can succeed once with the B key. */
	private List<Probe> probesAtRegionB() {
		var rated = aCase().completedAfter(5);
		rated.create();
		assertThat(rate(rating(rated.caseNo(), 5)).status()).isEqualTo(201);
		var open = aCase();
		open.create();
		var unrated = aCase().completedAfter(5);
		unrated.create();
		String mobile = randomMobile();
		var invited = aCase().applicantMobile(mobile).completedAfter(5);
		invited.create();
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from evl_sms_invitation where case_no = :c and status = 'OPEN'")
			.param("c", invited.caseNo()).query(Long.class).single() > 0);
		String exchanged = unique("P");
		assertThat(admin.post("/api/exchange/v1/services", serviceRecord(exchanged)).status()).isEqualTo(201);

		String now = java.time.OffsetDateTime.now().minusMinutes(30).withNano(0).toString();
		Map<String, Object> newCase = new HashMap<>(Map.of("caseNo", unique("CASE"), "itemCode", hall().item(),
				"departmentCode", hall().department(), "regionCode", REGION_B, "caseType", "ON_THE_SPOT",
				"applyChannel", "WINDOW", "acceptedAt", now,
				"applicant", Map.of("type", 1, "name", "李四", "certType", "111"),
				"services", List.of(Map.of("serviceNo", 1, "name", "受理", "at", now, "staffNo", hall().staffNo(),
						"windowCode", hall().window()))));
		List<Probe> probes = new ArrayList<>();
		probes.add(Probe.of("GET /api/v1/cases/{caseNo}", null).at("/api/v1/cases/" + rated.caseNo()));
		probes.add(Probe.of("POST /api/v1/cases/{caseNo}/services", Map.of("serviceNo", 2, "name", "现场服务", "at", now,
				"staffNo", hall().staffNo(), "windowCode", hall().window())).at("/api/v1/cases/" + open.caseNo() + "/services"));
		probes.add(Probe.of("POST /api/v1/cases", newCase));
		probes.add(Probe.of("POST /api/v1/evaluations", rating(unrated.caseNo(), 4)));
		probes.add(Probe.of("GET /api/v1/evaluations", null).at("/api/v1/evaluations?caseNo=" + rated.caseNo()));
		probes.add(Probe.of("POST /api/v1/binding-tokens", Map.of("kind", "DEVICE", "caseNo", rated.caseNo(),
				"deviceId", "EVAL-01")));
		probes.add(Probe.of("POST /api/v1/binding-tokens", Map.of("kind", "QR", "windowCode", hall().window(),
				"staffNo", hall().staffNo())));
		probes.add(Probe.of("POST /api/exchange/v1/services", serviceRecord(unique("P"))));
		probes.add(Probe.of("POST /api/exchange/v1/evaluations", exchangeRating(exchanged)));
		probes.add(Probe.of("GET /api/exchange/v1/evaluations", null)
			.at("/api/exchange/v1/evaluations?projectNo=" + rated.caseNo()));
		probes.add(Probe.of("POST /api/v1/sms/inbound", Map.of("from", mobile, "text", "5")).bySmsGateway());
		probes.addAll(supervisionProbes());
		probes.addAll(staffCodeProbes(rated.caseNo()));
		probes.addAll(entryProbes());
		probes.addAll(rankingAndReportProbes());
		probes.addAll(dashboardProbes());
		probes.addAll(statisticsProbes());
		probes.addAll(exchangePushProbes());
		return probes;
	}

	/** exchange push 上报 (issue 9): region B's outbox, on the API and the office screen, by offices of A and B. */
	private List<Probe> exchangePushProbes() {
		People people = new People(port);
		People.Person officeA = people.office(REGION_A + "000000");
		People.Person officeB = people.office(REGION_B + "000000");
		String query = "?status=FAILED&region=" + REGION_B + "000000";
		return List.of(
				Probe.of("GET /api/v1/exchange/outbox", null).at("/api/v1/exchange/outbox" + query).byPeople(officeA, officeB),
				Probe.of("GET /app/exchange", null).at("/app/exchange" + "?region=" + REGION_B + "000000")
					.onScreenBy(officeA, officeB));
	}

	/** statistics 统计 (issue 8): every figure endpoint at region B, by department too. */
	private List<Probe> statisticsProbes() {
		String at = "?key=" + REGION_B + "000000&period=2026Q4";
		List<Probe> probes = new ArrayList<>();
		for (String path : List.of("/api/v1/statistics", "/api/v1/statistics/children", "/api/v1/statistics/departments",
				"/api/v1/statistics/trend", "/api/v1/statistics/channels", "/api/v1/statistics/reasons",
				"/api/v1/statistics/items")) {
			probes.add(Probe.of("GET " + path, null).at(path + at));
		}
		probes.add(Probe.of("GET /api/v1/statistics", null)
			.at("/api/v1/statistics?dimension=DEPARTMENT&key=" + hall().department() + "&period=2026Q4"));
		return probes;
	}

	// --- analytics: the office's dashboard ------------------------------------------------------------------

	/** Region B's dashboard: by keys and offices on the API, and on the screens (page and its chart data). */
	private List<Probe> dashboardProbes() {
		People people = new People(port);
		People.Person officeA = people.office(REGION_A + "000000");
		People.Person officeB = people.office(REGION_B + "000000");
		String query = "?region=" + REGION_B + "000000&period=2026Q4";
		return List.of(Probe.of("GET /api/v1/dashboard", null).at("/api/v1/dashboard" + query),
				Probe.of("GET /api/v1/dashboard", null).at("/api/v1/dashboard" + query).byPeople(officeA, officeB),
				Probe.of("GET /app/dashboard", null).at("/app/dashboard" + query).onScreenBy(officeA, officeB),
				Probe.of("GET /app/dashboard/data", null).at("/app/dashboard/data" + query).onScreenBy(officeA, officeB));
	}

	// --- doors: printed staff codes 一码一账号 and the case receipt code -----------------------------------------

	/** The hall's staff member has a current code; one probe per endpoint of the codes, API and screen. */
	private List<Probe> staffCodeProbes(String caseNo) {
		Map<String, String> issue = Map.of("staffNo", hall().staffNo(), "windowCode", hall().window());
		assertThat(admin.post("/api/v1/staff-codes", issue).status()).isEqualTo(201);
		People people = new People(port);
		People.Person officeA = people.office(REGION_A + "000000");
		People.Person officeB = people.office(REGION_B + "000000");
		String codes = "/api/v1/staff-codes/";
		List<Probe> probes = new ArrayList<>();
		probes.add(Probe.of("POST /api/v1/staff-codes", issue));
		probes.add(Probe.of("POST /api/v1/staff-codes", issue).byPeople(officeA, officeB));
		probes.add(Probe.of("GET " + codes + "{staffNo}.png", null).at(codes + hall().staffNo() + ".png"));
		probes.add(Probe.of("GET " + codes + "{staffNo}.svg", null).at(codes + hall().staffNo() + ".svg"));
		probes.add(Probe.of("GET " + codes + "{staffNo}.png", null).at(codes + hall().staffNo() + ".png")
			.byPeople(officeA, officeB));
		probes.add(Probe.of("GET /api/v1/institutions/{institutionCode}/staff-codes.pdf", null)
			.at("/api/v1/institutions/" + hall().institution() + "/staff-codes.pdf"));
		probes.add(Probe.of("GET /api/v1/institutions/{institutionCode}/staff-codes.pdf", null)
			.at("/api/v1/institutions/" + hall().institution() + "/staff-codes.pdf").byPeople(officeA, officeB));
		probes.add(Probe.of("GET /api/v1/cases/{caseNo}/rating-code.png", null)
			.at("/api/v1/cases/" + caseNo + "/rating-code.png"));
		probes.add(Probe.of("GET /api/v1/cases/{caseNo}/rating-code.svg", null)
			.at("/api/v1/cases/" + caseNo + "/rating-code.svg"));
		String app = "/app/codes";
		probes.add(Probe.of("GET " + app, null).at(app + "?institutionCode=" + hall().institution())
			.onScreenBy(officeA, officeB));
		Map<String, String> form = Map.of("institutionCode", hall().institution(), "staffNo", hall().staffNo(),
				"windowCode", hall().window());
		probes.add(Probe.of("POST " + app + "/issue", form).onScreenBy(officeA, officeB));
		probes.add(Probe.of("GET " + app + "/{staffNo}.png", null).at(app + "/" + hall().staffNo() + ".png")
			.onScreenBy(officeA, officeB));
		probes.add(Probe.of("GET " + app + "/{staffNo}.svg", null).at(app + "/" + hall().staffNo() + ".svg")
			.onScreenBy(officeA, officeB));
		probes.add(Probe.of("GET " + app + "/institutions/{institutionCode}.pdf", null)
			.at(app + "/institutions/" + hall().institution() + ".pdf").onScreenBy(officeA, officeB));
		return probes;
	}

	private Http.Reply call(Keys keys, Probe p, boolean regionB) {
		if (p.inA() != null) {
			return callAsPerson(p, regionB ? p.inB() : p.inA());
		}
		String key = p.sms() ? (regionB ? keys.smsB() : keys.smsA()) : (regionB ? keys.platformB() : keys.platformA());
		Http http = admin.as(key);
		return p.method().equals("GET") ? http.get(p.path()) : http.post(p.path(), p.body());
	}

	private final Map<Long, People.Session> sessions = new HashMap<>();

	@SuppressWarnings("unchecked")
	private Http.Reply callAsPerson(Probe p, People.Person person) {
		if (!p.screen()) {
			return p.method().equals("GET") ? person.api().get(p.path()) : person.api().post(p.path(), p.body());
		}
		People.Session session = sessions.computeIfAbsent(person.id(), id -> person.signIn());
		People.Page page = p.method().equals("GET") ? session.get(p.path())
				: session.post(p.path(), p.body() == null ? Map.of() : (Map<String, String>) p.body());
		return new Http.Reply(page.status(), page.text(), page.contentType());
	}

	/** What region B holds that a refused request must not show, leaving out what the request itself carried. */
	private Set<String> leakMarkers(Probe p) {
		String request = p.path() + " " + (p.body() == null ? "" : JsonMapper.builder().build().writeValueAsString(p.body()));
		Set<String> markers = new TreeSet<>(List.of(REGION_B, hall().department(), hall().item(), hall().window(),
				hall().staffNo(), hall().institution(), "王五", "\"evaluations\"", "\"token\""));
		markers.removeIf(request::contains);
		return markers;
	}

	/** Rows a refused request must not leave behind. */
	private Map<String, Long> storedCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("cas_case", "cas_service_event", "evl_evaluation", "sup_sample", "sup_call_attempt",
				"sup_finding", "sup_audit", "door_staff_code")) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}

	/** "METHOD pattern" of every mapped endpoint, regex constraints of path variables left out. */
	private Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
			if (methods.isEmpty()) {
				methods.add("*");
			}
			for (String pattern : info.getPatternValues()) {
				String plain = pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
				methods.forEach(m -> endpoints.add(m + " " + plain));
			}
		}
		return endpoints;
	}

	private Map<String, Object> serviceRecord(String projectNo) {
		return serviceRecord(REGION_B, projectNo, 1);
	}

	private static Map<String, Object> exchangeRating(String projectNo) {
		return evaluationRecord(projectNo, 5, "511,512");
	}

	// --- supervision 监督: probed with people (offices, 12345 operators) of region A and region B --------------

	/** Region-B supervision data (a drawn sample with two calls, a finding, a comment) and one probe per endpoint. */
	private List<Probe> supervisionProbes() {
		People people = new People(port);
		ensureRegion(REGION_A + "000000");
		String drawnTownship = townshipOfRegionB();
		List<String> drawn = supervisionCases(drawnTownship, 2);
		String byApi = townshipOfRegionB();
		supervisionCases(byApi, 1);
		String byScreen = townshipOfRegionB();
		supervisionCases(byScreen, 1);
		Http.Reply sample = admin.post("/api/v1/supervision/samples", Map.of("regionCode", drawnTownship, "quarter", "2026Q2"));
		assertThat(sample.status()).as(sample.toString()).isEqualTo(201);
		long sampleId = sample.json().path("id").asLong();
		long viaApi = sample.json().path("cases").get(0).path("callTaskId").asLong();
		long viaScreen = sample.json().path("cases").get(1).path("callTaskId").asLong();
		assertThat(drawn).hasSize(2);
		Map<String, Object> finding = new HashMap<>(Map.of("kind", "INSPECTION", "windowCode", hall().window(),
				"observedOn", "2026-11-02", "description", "专项检查"));
		Map<String, Object> comment = new HashMap<>(finding);
		comment.put("kind", "LETTER");
		long findingId = admin.post("/api/v1/supervision/findings", finding).json().path("id").asLong();
		long commentId = admin.post("/api/v1/supervision/comments", comment).json().path("id").asLong();

		People.Person officeA = people.office(REGION_A + "000000");
		People.Person officeB = people.office(REGION_B + "000000");
		People.Person hotlineA = people.hotline(REGION_A + "000000");
		People.Person hotlineB = people.hotline(REGION_B + "000000");
		String s = "/api/v1/supervision";
		String app = "/app/supervision";
		Map<String, String> form = Map.of("kind", "INSPECTION", "windowCode", hall().window(), "observedOn", "2026-11-02",
				"description", "暗访");
		Map<String, String> letter = Map.of("kind", "LETTER", "windowCode", hall().window(), "observedOn", "2026-11-02",
				"description", "来信");
		List<Probe> probes = new ArrayList<>();
		probes.add(Probe.of("GET " + s + "/samples", null).at(s + "/samples?regionCode=" + drawnTownship).byPeople(officeA, officeB));
		probes.add(Probe.of("POST " + s + "/samples", Map.of("regionCode", byApi, "quarter", "2026Q2")).byPeople(officeA, officeB));
		probes.add(Probe.of("GET " + s + "/samples/{id}", null).at(s + "/samples/" + sampleId).byPeople(officeA, officeB));
		probes.add(Probe.of("GET " + s + "/samples/{id}/verification", null).at(s + "/samples/" + sampleId + "/verification")
			.byPeople(officeA, officeB));
		probes.add(Probe.of("GET " + s + "/calls", null).at(s + "/calls?regionCode=" + drawnTownship).byPeople(officeA, officeB));
		probes.add(Probe.of("GET " + s + "/calls/{id}", null).at(s + "/calls/" + viaApi).byPeople(officeA, officeB));
		probes.add(Probe.of("GET " + s + "/calls/{id}/audit", null).at(s + "/calls/" + viaApi + "/audit").byPeople(officeA, officeB));
		probes.add(Probe.of("POST " + s + "/calls/{id}/claim", null).at(s + "/calls/" + viaApi + "/claim").byPeople(hotlineA, hotlineB));
		probes.add(Probe.of("POST " + s + "/calls/{id}/assign", Map.of("assigneeId", hotlineB.id()))
			.at(s + "/calls/" + viaApi + "/assign").byPeople(officeA, officeB));
		probes.add(Probe.of("POST " + s + "/calls/{id}/reveal", null).at(s + "/calls/" + viaApi + "/reveal").byPeople(hotlineA, hotlineB));
		probes.add(Probe.of("POST " + s + "/calls/{id}/attempts", Map.of("result", "NO_ANSWER"))
			.at(s + "/calls/" + viaApi + "/attempts").byPeople(hotlineA, hotlineB));
		probes.add(Probe.of("GET " + s + "/revisit-results", null)
			.at(s + "/revisit-results?regionCode=" + drawnTownship + "&quarter=2026Q2").byPeople(officeA, officeB));
		probes.add(Probe.of("POST " + s + "/findings", finding).byPeople(officeA, officeB));
		probes.add(Probe.of("POST " + s + "/comments", comment).byPeople(officeA, officeB));
		probes.add(Probe.of("GET " + s + "/findings", null).at(s + "/findings?regionCode=" + REGION_B).byPeople(officeA, officeB));
		probes.add(Probe.of("GET " + s + "/comments", null).at(s + "/comments?regionCode=" + REGION_B).byPeople(officeA, officeB));
		probes.add(Probe.of("GET " + s + "/findings/{id}", null).at(s + "/findings/" + findingId).byPeople(officeA, officeB));
		probes.add(Probe.of("GET " + s + "/comments/{id}", null).at(s + "/comments/" + commentId).byPeople(officeA, officeB));
		probes.add(Probe.of("GET " + s + "/findings/{id}/audit", null).at(s + "/findings/" + findingId + "/audit")
			.byPeople(officeA, officeB));
		probes.add(Probe.of("GET " + s + "/comments/{id}/audit", null).at(s + "/comments/" + commentId + "/audit")
			.byPeople(officeA, officeB));
		probes.add(Probe.of("GET " + app, null).at(app + "?regionCode=" + drawnTownship).onScreenBy(officeA, officeB));
		probes.add(Probe.of("POST " + app + "/samples", Map.of("regionCode", byScreen, "quarter", "2026Q2"))
			.onScreenBy(officeA, officeB));
		probes.add(Probe.of("GET " + app + "/samples/{id}", null).at(app + "/samples/" + sampleId).onScreenBy(officeA, officeB));
		probes.add(Probe.of("GET " + app + "/calls", null).at(app + "/calls?regionCode=" + drawnTownship).onScreenBy(officeA, officeB));
		probes.add(Probe.of("GET " + app + "/calls/{id}", null).at(app + "/calls/" + viaScreen).onScreenBy(officeA, officeB));
		probes.add(Probe.of("POST " + app + "/calls/{id}/claim", null).at(app + "/calls/" + viaScreen + "/claim")
			.onScreenBy(hotlineA, hotlineB));
		probes.add(Probe.of("POST " + app + "/calls/{id}/assign", Map.of("assigneeId", String.valueOf(hotlineB.id())))
			.at(app + "/calls/" + viaScreen + "/assign").onScreenBy(officeA, officeB));
		probes.add(Probe.of("POST " + app + "/calls/{id}/reveal", null).at(app + "/calls/" + viaScreen + "/reveal")
			.onScreenBy(hotlineA, hotlineB));
		probes.add(Probe.of("POST " + app + "/calls/{id}/attempts", Map.of("result", "NO_ANSWER"))
			.at(app + "/calls/" + viaScreen + "/attempts").onScreenBy(hotlineA, hotlineB));
		probes.add(Probe.of("GET " + app + "/findings", null).at(app + "/findings?regionCode=" + REGION_B).onScreenBy(officeA, officeB));
		probes.add(Probe.of("GET " + app + "/comments", null).at(app + "/comments?regionCode=" + REGION_B).onScreenBy(officeA, officeB));
		probes.add(Probe.of("POST " + app + "/findings", form).onScreenBy(officeA, officeB));
		probes.add(Probe.of("POST " + app + "/comments", letter).onScreenBy(officeA, officeB));
		return probes;
	}

	// --- analytics: fair rankings 客观分析 and the report 通报 with its exports (ADR 0027, 0028) ---------------------

	/** Rankings, reports, the office's text and exports of region B; an export is followed only by its requester. */
	private List<Probe> rankingAndReportProbes() {
		People people = new People(port);
		People.Person officeA = people.office(REGION_A + "000000");
		People.Person officeB = people.office(REGION_B + "000000");
		String region = REGION_B + "000000";
		String period = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		Http.Reply queued = officeB.api().post("/api/v1/reports/" + region + "/" + period + "/exports?format=xlsx", null);
		assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
		String export = "/api/v1/exports/" + queued.json().path("id").asString();
		await().atMost(Duration.ofSeconds(20)).until(() -> officeB.api().get(export).json().path("status").asString()
			.equals("DONE"));
		String screenExport = "/app/reports/exports/" + queued.json().path("id").asString();
		Map<String, String> note = Map.of("region", region, "period", period, "problems", "窗口等候时间长",
				"requirements", "限期整改");
		List<Probe> probes = new ArrayList<>();
		probes.add(Probe.of("GET /api/v1/rankings", null)
			.at("/api/v1/rankings?kind=WINDOW&region=" + region + "&period=" + period));
		probes.add(Probe.of("GET /api/v1/rankings", null)
			.at("/api/v1/rankings?kind=STAFF&region=" + region + "&period=" + period).byPeople(officeA, officeB));
		probes.add(Probe.of("GET /api/v1/rankings/repeated-last", null)
			.at("/api/v1/rankings/repeated-last?region=" + region + "&month=" + period));
		probes.add(Probe.of("GET /api/v1/reports/{region}/{file}", null)
			.at("/api/v1/reports/" + region + "/" + period + ".pdf"));
		probes.add(Probe.of("GET /api/v1/reports/{region}/{file}", null)
			.at("/api/v1/reports/" + region + "/" + period + ".xlsx").byPeople(officeA, officeB));
		probes.add(Probe.of("GET /api/v1/reports/{region}/{period}/note", null)
			.at("/api/v1/reports/" + region + "/" + period + "/note"));
		probes.add(Probe.of("POST /api/v1/reports/{region}/{period}/note", Map.of("problems", "窗口等候时间长",
				"requirements", "限期整改")).at("/api/v1/reports/" + region + "/" + period + "/note")
			.byPeople(officeA, officeB));
		probes.add(Probe.of("POST /api/v1/reports/{region}/{period}/exports", null)
			.at("/api/v1/reports/" + region + "/" + period + "/exports?format=pdf"));
		probes.add(Probe.of("GET /api/v1/exports/{id}", null).at(export).byPeople(officeA, officeB));
		probes.add(Probe.of("GET /api/v1/exports/{id}/file", null).at(export + "/file").byPeople(officeA, officeB));
		probes.add(Probe.of("GET /app/rankings", null)
			.at("/app/rankings?kind=WINDOW&region=" + region + "&period=" + period).onScreenBy(officeA, officeB));
		probes.add(Probe.of("GET /app/reports", null).at("/app/reports?region=" + region + "&period=" + period)
			.onScreenBy(officeA, officeB));
		probes.add(Probe.of("POST /app/reports/note", note).onScreenBy(officeA, officeB));
		probes.add(Probe.of("GET /app/reports/{region}/{file}", null).at("/app/reports/" + region + "/" + period + ".pdf")
			.onScreenBy(officeA, officeB));
		probes.add(Probe.of("POST /app/reports/exports", Map.of("region", region, "period", period, "format", "xlsx"))
			.onScreenBy(officeA, officeB));
		probes.add(Probe.of("GET /app/reports/exports/{id}", null).at(screenExport).onScreenBy(officeA, officeB));
		probes.add(Probe.of("GET /app/reports/exports/{id}/file", null).at(screenExport + "/file")
			.onScreenBy(officeA, officeB));
		return probes;
	}

	// --- doors: the 12345 operator's entry and paper forms, probed with people of region A and region B ----------

	/** Cases of region B to rate on the operator's screen, on a paper form and by the paper form API; a form with a scan. */
	private List<Probe> entryProbes() {
		People people = new People(port);
		ensureRegion(REGION_A + "000000");
		var called = aCase().completedAfter(5);
		called.create();
		var paper = aCase().completedAfter(5);
		paper.create();
		var scanned = aCase().completedAfter(5);
		scanned.create();
		var viaApi = aCase().completedAfter(5);
		viaApi.create();
		People.Person officeB = people.office(REGION_B + "000000");
		String scannedForm = unique("PF-");
		People.Session entering = officeB.signIn();
		entering.get("/app/paper");
		assertThat(entering.upload("/app/paper", Map.of("rows", "1", "formNo-0", scannedForm, "caseNo-0", scanned.caseNo(),
				"level-0", "5"), "scan-0", "form.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(
						java.nio.charset.StandardCharsets.US_ASCII)).status()).isEqualTo(302);
		People.Person hotlineA = people.hotline(REGION_A + "000000");
		People.Person hotlineB = people.hotline(REGION_B + "000000");
		People.Person officeA = people.office(REGION_A + "000000");
		List<Probe> probes = new ArrayList<>();
		probes.add(Probe.of("GET /app/hotline/rate", null).at("/app/hotline/rate?caseNo=" + called.caseNo())
			.onScreenBy(hotlineA, hotlineB));
		probes.add(Probe.of("POST /app/hotline/rate", Map.of("caseNo", called.caseNo(), "level", "5", "callReference",
				unique("CALL-"))).onScreenBy(hotlineA, hotlineB));
		probes.add(Probe.of("POST /app/paper", Map.of("rows", "1", "formNo-0", unique("PF-"), "caseNo-0", paper.caseNo(),
				"level-0", "4")).onScreenBy(officeA, officeB));
		probes.add(Probe.of("POST /api/v1/paper-forms", List.of(Map.of("formNo", unique("PF-"), "caseNo", viaApi.caseNo(),
				"level", 3))).byPeople(officeA, officeB));
		probes.add(Probe.of("GET /app/paper/forms/{formNo}/scan", null).at("/app/paper/forms/" + scannedForm + "/scan")
			.onScreenBy(officeA, officeB));
		return probes;
	}

	/** A new township inside region B (the test county), with cases completed in 2026Q2. */
	private String townshipOfRegionB() {
		county();
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		for (int attempt = 0; attempt < 1000; attempt++) {
			String code = REGION_B + String.format("%03d", random.nextInt(1, 1000)) + "000";
			if (admin.get("/api/v1/catalog/regions/" + code).status() == 404) {
				assertThat(admin.post("/api/v1/catalog/regions", Map.of("code", code, "name", "测试镇")).status()).isEqualTo(201);
				return code;
			}
		}
		throw new IllegalStateException("No free township left in " + REGION_B);
	}

	private List<String> supervisionCases(String township, int n) {
		List<String> caseNos = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String caseNo = unique("P");
			Map<String, Object> r = serviceRecord(township, caseNo, 1);
			r.put("acceptDate", "2026-05-12 09:00:00");
			r.put("serviceTime", "2026-05-12 09:20:00");
			r.put("resultDate", "2026-05-12 09:30:00");
			assertThat(admin.post("/api/exchange/v1/services", r).status()).isEqualTo(201);
			caseNos.add(caseNo);
		}
		return caseNos;
	}

	private void ensureRegion(String code) {
		if (admin.get("/api/v1/catalog/regions/" + code).status() == 404) {
			assertThat(admin.post("/api/v1/catalog/regions", Map.of("code", code, "name", "区域A")).status()).isIn(201, 409);
		}
	}

	// ---------------------------------------------------------------------------------------------------------
	// orders: work orders are people's work (HOTLINE, DEPARTMENT, OFFICE, ASSESSOR sign in; no system key may call
	// them), so each endpoint is probed with a person of region A and then the same role in region B, along the
	// path an order takes, on orders opened by bad ratings in region B.

	/** The work-order endpoints, every one probed by {@link #work_order_endpoints_refuse_the_people_of_another_region}. */
	private static final Set<String> WORK_ORDERS_PROBED_WITH_PEOPLE = Set.of("GET /api/v1/work-orders",
			"GET /api/v1/work-orders/export.xlsx", "GET /api/v1/work-orders/{id}", "GET /api/v1/work-orders/{id}/timeline",
			"GET /api/v1/work-orders/{id}/evidence/{evidenceId}", "POST /api/v1/work-orders/{id}/dispatch",
			"POST /api/v1/work-orders/{id}/invalidate", "POST /api/v1/work-orders/{id}/verify",
			"POST /api/v1/work-orders/{id}/evidence", "POST /api/v1/work-orders/{id}/rectify-at-once",
			"POST /api/v1/work-orders/{id}/ledger-entry", "POST /api/v1/work-orders/{id}/rectify",
			"POST /api/v1/work-orders/{id}/extension", "POST /api/v1/work-orders/{id}/extension/approve",
			"POST /api/v1/work-orders/{id}/extension/refuse", "POST /api/v1/work-orders/{id}/unrectifiable",
			"POST /api/v1/work-orders/{id}/unrectifiable/approve", "POST /api/v1/work-orders/{id}/unrectifiable/return",
			"POST /api/v1/work-orders/{id}/reply", "POST /api/v1/work-orders/{id}/call-attempts",
			"POST /api/v1/work-orders/{id}/rater-mobile", "POST /api/v1/work-orders/{id}/revisit",
			"POST /api/v1/work-orders/{id}/close");

	@Test
	void work_order_endpoints_refuse_the_people_of_another_region() {
		int status = admin.post("/api/v1/catalog/regions", Map.of("code", REGION_A + "000000", "name", "测试县乙")).status();
		assertThat(status).isIn(201, 409);
		org.hcp.support.People people = new org.hcp.support.People(port);
		String regionA = REGION_A + "000000";
		String departmentA = newDepartment(regionA);
		WorkOrderPeople a = new WorkOrderPeople(people.hotline(regionA), people.department(regionA, departmentA),
				people.office(regionA));
		WorkOrderPeople b = new WorkOrderPeople(people.hotline(hall().region()),
				people.department(hall().region(), hall().department()), people.office(hall().region()));
		Set<String> probed = new TreeSet<>();
		String list = "/api/v1/work-orders?region=" + REGION_B;

		long main = badlyRatedOrder();
		String o = "/api/v1/work-orders/" + main;
		probedWork(probed, "GET /api/v1/work-orders", a.office(), b.office(), "GET", list, () -> null);
		probedWork(probed, "GET /api/v1/work-orders/export.xlsx", a.office(), b.office(), "GET",
				"/api/v1/work-orders/export.xlsx?region=" + REGION_B, () -> null);
		probedWork(probed, "GET /api/v1/work-orders/{id}", a.hotline(), b.hotline(), "GET", o, () -> null);
		probedWork(probed, "GET /api/v1/work-orders/{id}/timeline", a.office(), b.office(), "GET", o + "/timeline", () -> null);
		probedWork(probed, "POST /api/v1/work-orders/{id}/dispatch", a.hotline(), b.hotline(), "POST", o + "/dispatch",
				() -> Map.of("version", versionOf(main)));
		probedWork(probed, "POST /api/v1/work-orders/{id}/verify", a.department(), b.department(), "POST", o + "/verify",
				() -> Map.of("version", versionOf(main), "contacted", "评价人", "contactMethod", "电话", "findings", "属实"));
		probedWork(probed, "POST /api/v1/work-orders/{id}/evidence", a.department(), b.department(), "MULTIPART",
				o + "/evidence", () -> null);
		long evidenceId = this.admin.get(o).json().path("evidence").get(0).path("id").asLong();
		probedWork(probed, "GET /api/v1/work-orders/{id}/evidence/{evidenceId}", a.office(), b.office(), "GET",
				o + "/evidence/" + evidenceId, () -> null);
		probedWork(probed, "POST /api/v1/work-orders/{id}/rectify-at-once", a.department(), b.department(), "POST",
				o + "/rectify-at-once", () -> Map.of("version", versionOf(main), "evidence", "已整改", "files", List.of(evidenceId)));
		probedWork(probed, "POST /api/v1/work-orders/{id}/reply", a.department(), b.department(), "POST", o + "/reply",
				() -> Map.of("version", versionOf(main), "text", "已整改，感谢监督"));
		probedWork(probed, "POST /api/v1/work-orders/{id}/call-attempts", a.hotline(), b.hotline(), "POST",
				o + "/call-attempts", () -> Map.of("note", "无人接听"));
		probedWork(probed, "POST /api/v1/work-orders/{id}/rater-mobile", a.hotline(), b.hotline(), "POST",
				o + "/rater-mobile", () -> null);
		probedWork(probed, "POST /api/v1/work-orders/{id}/revisit", a.hotline(), b.hotline(), "POST", o + "/revisit",
				() -> Map.of("version", versionOf(main), "outcome", "SATISFIED"));
		probedWork(probed, "POST /api/v1/work-orders/{id}/close", a.office(), b.office(), "POST", o + "/close",
				() -> Map.of("version", versionOf(main), "note", "销号"));

		long invalid = badlyRatedOrder();
		probedWork(probed, "POST /api/v1/work-orders/{id}/invalidate", a.hotline(), b.hotline(), "POST",
				"/api/v1/work-orders/" + invalid + "/invalidate", () -> Map.of("version", versionOf(invalid), "reason", "误评"));

		long ledger = verifiedOrder(b);
		String l = "/api/v1/work-orders/" + ledger;
		String later = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(20).toString();
		probedWork(probed, "POST /api/v1/work-orders/{id}/extension", a.department(), b.department(), "POST",
				l + "/extension", () -> Map.of("version", versionOf(ledger), "newDeadline", later, "reason", "需采购设备"));
		probedWork(probed, "POST /api/v1/work-orders/{id}/extension/refuse", a.office(), b.office(), "POST",
				l + "/extension/refuse", () -> Map.of("version", versionOf(ledger), "reason", "理由不足"));
		assertThat(b.department().api().post(l + "/extension", Map.of("version", versionOf(ledger), "newDeadline", later,
				"reason", "需采购设备，已补充说明")).status()).isEqualTo(200);
		probedWork(probed, "POST /api/v1/work-orders/{id}/extension/approve", a.office(), b.office(), "POST",
				l + "/extension/approve", () -> Map.of("version", versionOf(ledger), "reason", "同意"));
		probedWork(probed, "POST /api/v1/work-orders/{id}/ledger-entry", a.department(), b.department(), "POST",
				l + "/ledger-entry", () -> Map.of("version", versionOf(ledger), "plannedBy", later, "plan", "更换设备"));
		probedWork(probed, "POST /api/v1/work-orders/{id}/rectify", a.department(), b.department(), "POST", l + "/rectify",
				() -> Map.of("version", versionOf(ledger), "evidence", "设备已更换"));

		long unrectifiable = verifiedOrder(b);
		String u = "/api/v1/work-orders/" + unrectifiable;
		probedWork(probed, "POST /api/v1/work-orders/{id}/unrectifiable", a.department(), b.department(), "POST",
				u + "/unrectifiable", () -> Map.of("version", versionOf(unrectifiable), "reason", "上位法规定"));
		probedWork(probed, "POST /api/v1/work-orders/{id}/unrectifiable/return", a.office(), b.office(), "POST",
				u + "/unrectifiable/return", () -> Map.of("version", versionOf(unrectifiable), "reason", "可先优化告知"));
		assertThat(b.department().api().post(u + "/unrectifiable", Map.of("version", versionOf(unrectifiable),
				"reason", "上位法规定")).status()).isEqualTo(200);
		probedWork(probed, "POST /api/v1/work-orders/{id}/unrectifiable/approve", a.office(), b.office(), "POST",
				u + "/unrectifiable/approve", () -> Map.of("version", versionOf(unrectifiable), "reason", "属实"));

		assertThat(probed).containsExactlyInAnyOrderElementsOf(WORK_ORDERS_PROBED_WITH_PEOPLE);
	}

	record WorkOrderPeople(org.hcp.support.People.Person hotline, org.hcp.support.People.Person department,
			org.hcp.support.People.Person office) {
	}

	/** The person of region A is refused, sees nothing of region B and leaves nothing; the one of region B succeeds. */
	private void probedWork(Set<String> probed, String endpoint, org.hcp.support.People.Person a,
			org.hcp.support.People.Person b, String method, String path, java.util.function.Supplier<Object> body) {
		Map<String, Long> before = workOrderCounts();
		Http.Reply refused = personCall(a, method, path, body.get());
		assertThat(refused.status()).as(endpoint + " by a person of region A: " + refused).isIn(403, 404, 422);
		assertThat(refused.text()).as(endpoint + " answers region-B data to region A")
			.doesNotContain(hall().department()).doesNotContain("王五").doesNotContain("\"items\"");
		assertThat(workOrderCounts()).as(endpoint + " stored something for region A").isEqualTo(before);
		Http.Reply allowed = personCall(b, method, path, body.get());
		assertThat(allowed.status()).as(endpoint + " by a person of region B: " + allowed).isBetween(200, 201);
		probed.add(endpoint);
	}

	private Http.Reply personCall(org.hcp.support.People.Person person, String method, String path, Object body) {
		org.hcp.support.People.Api api = person.api();
		if (method.equals("MULTIPART")) {
			String boundary = "----matrix" + System.nanoTime();
			String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"e.pdf\"\r\n"
					+ "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--" + boundary + "--\r\n";
			return api.send("POST", path, multipart, "multipart/form-data; boundary=" + boundary);
		}
		return method.equals("GET") ? api.get(path) : api.post(path, body);
	}

	private Map<String, Long> workOrderCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("rct_work_order", "rct_audit", "rct_evidence", "rct_extension", "rct_reply",
				"rct_call_attempt")) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		counts.put("versions", jdbc.sql("select coalesce(sum(version), 0) from rct_work_order").query(Long.class).single());
		return counts;
	}

	/** An order opened by a 1-star rating of a region-B case. */
	private long badlyRatedOrder() {
		var c = aCase().completedAfter(5);
		c.create();
		assertThat(rate(rating(c.caseNo(), 1, "comment", "态度差")).status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from rct_order_rating where case_no = :c")
			.param("c", c.caseNo()).query(Long.class).single() > 0);
		return jdbc.sql("select order_id from rct_order_rating where case_no = :c").param("c", c.caseNo())
			.query(Long.class).single();
	}

	private long verifiedOrder(WorkOrderPeople b) {
		long id = badlyRatedOrder();
		String o = "/api/v1/work-orders/" + id;
		assertThat(b.hotline().api().post(o + "/dispatch", Map.of("version", versionOf(id))).status()).isEqualTo(200);
		assertThat(b.department().api().post(o + "/verify", Map.of("version", versionOf(id), "contacted", "评价人",
				"contactMethod", "电话", "findings", "属实")).status()).isEqualTo(200);
		return id;
	}

	private int versionOf(long orderId) {
		return admin.get("/api/v1/work-orders/" + orderId).json().path("version").asInt();
	}

	// ---------------------------------------------------------------------------------------------------------
	// appeal: appeals are people's work (the rated staff member or their department files, the office decides; no
	// system key may call them). Each endpoint is probed with a person of region A and then the same role in region B,
	// on appeals of region-B work orders; the screens with signed-in sessions. A screen that only lists the caller's
	// own data (the appeal list, the credit records, the staff member's ratings) answers region A, but without any of
	// region B's rows.

	/** The appeal endpoints, every one probed by {@link #appeal_endpoints_refuse_the_people_of_another_region}. */
	private static final Set<String> APPEALS_PROBED_WITH_PEOPLE = Set.of("POST /api/v1/appeals", "GET /api/v1/appeals",
			"GET /api/v1/appeals/{id}", "GET /api/v1/appeals/{id}/evidence/{evidenceId}",
			"POST /api/v1/appeals/{id}/decision", "GET /api/v1/appeals/credit-records", "GET /app/mine",
			"GET /app/appeals", "GET /app/appeals/new", "POST /app/appeals", "GET /app/appeals/{id}",
			"POST /app/appeals/{id}/decision", "GET /app/appeals/{id}/evidence/{evidenceId}",
			"GET /app/appeals/credit-records");

	@Test
	void appeal_endpoints_refuse_the_people_of_another_region() {
		hall(); // the test county and its city, under which region A is created
		String regionA = REGION_A + "000000";
		assertThat(admin.post("/api/v1/catalog/regions", Map.of("code", regionA, "name", "测试县乙")).status()).isIn(201, 409);
		org.hcp.support.People people = new org.hcp.support.People(port);
		AppealPeople a = new AppealPeople(people.hotline(regionA), people.staff(regionA, hall().staffNo()),
				people.department(regionA, newDepartment(regionA)), people.office(regionA));
		AppealPeople b = new AppealPeople(people.hotline(hall().region()), people.staff(hall().region(), hall().staffNo()),
				people.department(hall().region(), hall().department()), people.office(hall().region()));
		Set<String> probed = new TreeSet<>();

		long first = dispatchedOrder(b);
		String caseNo = jdbc.sql("select case_no from rct_order_rating where order_id = :id").param("id", first)
			.query(String.class).list().get(0);
		String orderNo = admin.get("/api/v1/work-orders/" + first).json().path("order").path("orderNo").asString();
		probedAppeal(probed, "POST /api/v1/appeals", a.department(), b.department(), "MULTIPART", "/api/v1/appeals",
				Map.of("orderId", String.valueOf(first), "reason", "评价人误操作"));
		long appeal = jdbc.sql("select id from apl_appeal where order_id = :id").param("id", first).query(Long.class).single();
		long evidence = jdbc.sql("select id from apl_evidence where appeal_id = :id").param("id", appeal).query(Long.class)
			.single();
		String one = "/api/v1/appeals/" + appeal;
		probedAppeal(probed, "GET /api/v1/appeals", a.office(), b.office(), "GET", "/api/v1/appeals?regionCode=" + REGION_B, null);
		probedAppeal(probed, "GET /api/v1/appeals/{id}", a.office(), b.office(), "GET", one, null);
		probedAppeal(probed, "GET /api/v1/appeals/{id}/evidence/{evidenceId}", a.office(), b.office(), "GET",
				one + "/evidence/" + evidence, null);
		probedAppeal(probed, "GET /app/appeals/{id}", a.office(), b.office(), "SCREEN", "/app/appeals/" + appeal, null);
		probedAppeal(probed, "GET /app/appeals/{id}/evidence/{evidenceId}", a.office(), b.office(), "SCREEN",
				"/app/appeals/" + appeal + "/evidence/" + evidence, null);
		probedAppeal(probed, "POST /api/v1/appeals/{id}/decision", a.office(), b.office(), "POST", one + "/decision",
				Map.of("outcome", "MALICIOUS", "reason", "以差评要挟"));
		probedAppeal(probed, "GET /api/v1/appeals/credit-records", a.office(), b.office(), "GET",
				"/api/v1/appeals/credit-records?regionCode=" + REGION_B, null);

		long second = dispatchedOrder(b);
		probedAppeal(probed, "GET /app/appeals/new", a.department(), b.department(), "SCREEN",
				"/app/appeals/new?orderId=" + second, null);
		probedAppeal(probed, "POST /app/appeals", a.department(), b.department(), "FORM", "/app/appeals",
				Map.of("orderId", String.valueOf(second), "reason", "评价人误操作"));
		long pending = jdbc.sql("select id from apl_appeal where order_id = :id").param("id", second).query(Long.class)
			.single();
		probedAppeal(probed, "POST /app/appeals/{id}/decision", a.office(), b.office(), "FORM",
				"/app/appeals/" + pending + "/decision", Map.of("outcome", "REJECTED", "reason", "证据不足"));

		ownRowsOnly(probed, "GET /app/appeals", a.office(), b.office(), "/app/appeals?state=", "id=\"appeal-" + appeal + "\"");
		ownRowsOnly(probed, "GET /app/appeals/credit-records", a.office(), b.office(), "/app/appeals/credit-records", orderNo);
		ownRowsOnly(probed, "GET /app/mine", a.staff(), b.staff(), "/app/mine", caseNo);
		assertThat(probed).containsExactlyInAnyOrderElementsOf(APPEALS_PROBED_WITH_PEOPLE);
	}

	record AppealPeople(org.hcp.support.People.Person hotline, org.hcp.support.People.Person staff,
			org.hcp.support.People.Person department, org.hcp.support.People.Person office) {
	}

	/** An order opened by a 1-star rating of a region-B case, dispatched to its department by region B's operator. */
	private long dispatchedOrder(AppealPeople b) {
		long id = badlyRatedOrder();
		assertThat(b.hotline().api().post("/api/v1/work-orders/" + id + "/dispatch", Map.of("version", versionOf(id)))
			.status()).isEqualTo(200);
		return id;
	}

	/** The person of region A is refused, sees nothing of region B and leaves nothing; the one of region B succeeds. */
	private void probedAppeal(Set<String> probed, String endpoint, org.hcp.support.People.Person a,
			org.hcp.support.People.Person b, String method, String path, Map<String, String> body) {
		Map<String, Long> before = appealCounts();
		Reply refused = appealCall(a, method, path, body);
		assertThat(refused.status()).as(endpoint + " by a person of region A: " + refused.text()).isIn(403, 404, 422);
		assertThat(refused.text()).as(endpoint + " answers region-B data to region A")
			.doesNotContain(hall().department()).doesNotContain("王五").doesNotContain("评价人误操作");
		assertThat(appealCounts()).as(endpoint + " stored something for region A").isEqualTo(before);
		Reply allowed = appealCall(b, method, path, body);
		assertThat(allowed.status()).as(endpoint + " by a person of region B: " + allowed.text()).isIn(200, 201, 302);
		probed.add(endpoint);
	}

	/** A screen of the caller's own rows: region A's person sees the page without region B's row; B's sees it. */
	private void ownRowsOnly(Set<String> probed, String endpoint, org.hcp.support.People.Person a,
			org.hcp.support.People.Person b, String path, String rowOfRegionB) {
		org.hcp.support.People.Page seenByA = a.signIn().get(path);
		assertThat(seenByA.status()).as(endpoint + " by a person of region A").isEqualTo(200);
		assertThat(seenByA.text()).as(endpoint + " shows region-B rows to region A").doesNotContain(rowOfRegionB);
		org.hcp.support.People.Page seenByB = b.signIn().get(path);
		assertThat(seenByB.text()).as(endpoint + " by a person of region B").contains(rowOfRegionB);
		probed.add(endpoint);
	}

	record Reply(int status, String text) {
	}

	private Reply appealCall(org.hcp.support.People.Person person, String method, String path, Map<String, String> body) {
		switch (method) {
			case "SCREEN" -> {
				org.hcp.support.People.Page page = person.signIn().get(path);
				return new Reply(page.status(), page.text());
			}
			case "FORM" -> {
				org.hcp.support.People.Session session = person.signIn();
				org.hcp.support.People.Page page = session.post(path, body);
				return new Reply(page.status(), page.text());
			}
			case "MULTIPART" -> {
				String boundary = "----matrix" + System.nanoTime();
				StringBuilder multipart = new StringBuilder();
				body.forEach((k, v) -> multipart.append("--").append(boundary)
					.append("\r\nContent-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
				multipart.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"attachments\"; ")
					.append("filename=\"e.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--")
					.append(boundary).append("--\r\n");
				Http.Reply reply = person.api().send("POST", path, multipart.toString(), "multipart/form-data; boundary=" + boundary);
				return new Reply(reply.status(), reply.text());
			}
			default -> {
				Http.Reply reply = method.equals("GET") ? person.api().get(path) : person.api().post(path, body);
				return new Reply(reply.status(), reply.text());
			}
		}
	}

	private Map<String, Long> appealCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("apl_appeal", "apl_evidence", "apl_decision", "apl_audit", "apl_credit_record",
				"evl_exclusion", "rct_audit")) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		counts.put("decided", jdbc.sql("select count(*) from apl_appeal where state <> 'PENDING'").query(Long.class).single());
		return counts;
	}
	// screens of work orders: the same people signed in on the screens (session and CSRF), each page and form probed
	// with a person of region A and then the same role in region B, on orders opened by bad ratings in region B.

	/** The screens of work orders: each probed below, or keyed by something other than region (with the reason). */
	private static final Map<String, String> WORK_ORDER_SCREENS = Map.ofEntries(
			Map.entry("GET /app/orders", "probed: region A's work queues show nothing of region B"),
			Map.entry("GET /app/orders/ledger", "probed"), Map.entry("GET /app/orders/ledger.xlsx", "probed"),
			Map.entry("GET /app/orders/{id}", "probed"), Map.entry("GET /app/orders/{id}/evidence/{evidenceId}", "probed"),
			Map.entry("POST /app/orders/{id}/dispatch", "probed"), Map.entry("POST /app/orders/{id}/invalidate", "probed"),
			Map.entry("POST /app/orders/{id}/verify", "probed"), Map.entry("POST /app/orders/{id}/evidence", "probed"),
			Map.entry("POST /app/orders/{id}/rectify-at-once", "probed"),
			Map.entry("POST /app/orders/{id}/ledger-entry", "probed"), Map.entry("POST /app/orders/{id}/rectify", "probed"),
			Map.entry("POST /app/orders/{id}/extension", "probed"),
			Map.entry("POST /app/orders/{id}/extension/approve", "probed"),
			Map.entry("POST /app/orders/{id}/extension/refuse", "probed"),
			Map.entry("POST /app/orders/{id}/unrectifiable", "probed"),
			Map.entry("POST /app/orders/{id}/unrectifiable/approve", "probed"),
			Map.entry("POST /app/orders/{id}/unrectifiable/return", "probed"),
			Map.entry("POST /app/orders/{id}/reply", "probed"), Map.entry("POST /app/orders/{id}/call-attempts", "probed"),
			Map.entry("POST /app/orders/{id}/rater-mobile", "probed"), Map.entry("POST /app/orders/{id}/revisit", "probed"),
			Map.entry("POST /app/orders/{id}/close", "probed"),
			Map.entry("GET /r/{token}", "not regional: the rater's status page, keyed by the reply's unguessable token"),
			Map.entry("POST /r/{token}", "not regional: the rater's answer, keyed by the reply's unguessable token"));

	@Test
	void work_order_screens_refuse_the_people_of_another_region() {
		county(); // region A's parents, when this test runs first in its JVM
		int status = admin.post("/api/v1/catalog/regions", Map.of("code", REGION_A + "000000", "name", "测试县乙")).status();
		assertThat(status).isIn(201, 409);
		org.hcp.support.People people = new org.hcp.support.People(port);
		String regionA = REGION_A + "000000";
		ScreenPeople a = new ScreenPeople(people.hotline(regionA).signIn(),
				people.department(regionA, newDepartment(regionA)).signIn(), people.office(regionA).signIn());
		ScreenPeople b = new ScreenPeople(people.hotline(hall().region()).signIn(),
				people.department(hall().region(), hall().department()).signIn(), people.office(hall().region()).signIn());
		Set<String> probed = new TreeSet<>();

		long main = badlyRatedOrder();
		String orderNo = admin.get("/api/v1/work-orders/" + main).json().path("order").path("orderNo").asString();
		String o = "/app/orders/" + main;
		// the lists: region A's person sees none of it (no region filter) or is refused (region B's filter)
		// the first-check queue leaves out remote orders (handled by a lower platform, ADR 0033), the API's list does not
		long received = jdbc.sql("select count(*) from rct_work_order where state = 'RECEIVED' and remote_peer is null"
				+ " and region_code like :b").param("b", REGION_B + "%").query(Long.class).single();
		String lastPage = "/app/orders?queue=first-check&page=" + (received - 1) / 50;
		assertThat(a.hotline().get(lastPage).text()).doesNotContain(orderNo).doesNotContain(hall().department());
		assertThat(b.hotline().get(lastPage).text()).contains(orderNo);
		probed.add("GET /app/orders");
		probedScreen(probed, "GET /app/orders/ledger", a.office(), b.office(), "GET",
				"/app/orders/ledger?state=RECEIVED&region=" + REGION_B, Map::of);
		assertThat(a.office().get("/app/orders/ledger?state=RECEIVED").text()).doesNotContain(orderNo);
		assertThat(b.office().get("/app/orders/ledger?state=RECEIVED&region=" + REGION_B).text()).contains(orderNo);
		probedScreen(probed, "GET /app/orders/ledger.xlsx", a.office(), b.office(), "GET",
				"/app/orders/ledger.xlsx?region=" + REGION_B, Map::of);
		probedScreen(probed, "GET /app/orders/{id}", a.hotline(), b.hotline(), "GET", o, Map::of);
		probedScreen(probed, "POST /app/orders/{id}/dispatch", a.hotline(), b.hotline(), "POST", o + "/dispatch",
				() -> Map.of("version", String.valueOf(versionOf(main))));
		probedScreen(probed, "POST /app/orders/{id}/verify", a.department(), b.department(), "POST", o + "/verify",
				() -> Map.of("version", String.valueOf(versionOf(main)), "contacted", "评价人", "contactMethod", "电话",
						"findings", "属实"));
		probedScreen(probed, "POST /app/orders/{id}/evidence", a.department(), b.department(), "MULTIPART",
				o + "/evidence", Map::of);
		long evidenceId = admin.get("/api/v1/work-orders/" + main).json().path("evidence").get(0).path("id").asLong();
		probedScreen(probed, "GET /app/orders/{id}/evidence/{evidenceId}", a.office(), b.office(), "GET",
				o + "/evidence/" + evidenceId, Map::of);
		probedScreen(probed, "POST /app/orders/{id}/rectify-at-once", a.department(), b.department(), "POST",
				o + "/rectify-at-once", () -> Map.of("version", String.valueOf(versionOf(main)), "evidence", "已整改",
						"files", String.valueOf(evidenceId)));
		probedScreen(probed, "POST /app/orders/{id}/reply", a.department(), b.department(), "POST", o + "/reply",
				() -> Map.of("version", String.valueOf(versionOf(main)), "text", "已整改，感谢监督"));
		probedScreen(probed, "POST /app/orders/{id}/call-attempts", a.hotline(), b.hotline(), "POST",
				o + "/call-attempts", () -> Map.of("note", "无人接听"));
		probedScreen(probed, "POST /app/orders/{id}/rater-mobile", a.hotline(), b.hotline(), "POST",
				o + "/rater-mobile", Map::of);
		probedScreen(probed, "POST /app/orders/{id}/revisit", a.hotline(), b.hotline(), "POST", o + "/revisit",
				() -> Map.of("version", String.valueOf(versionOf(main)), "outcome", "SATISFIED"));
		probedScreen(probed, "POST /app/orders/{id}/close", a.office(), b.office(), "POST", o + "/close",
				() -> Map.of("version", String.valueOf(versionOf(main)), "note", "销号"));

		long invalid = badlyRatedOrder();
		probedScreen(probed, "POST /app/orders/{id}/invalidate", a.hotline(), b.hotline(), "POST",
				"/app/orders/" + invalid + "/invalidate", () -> Map.of("version", String.valueOf(versionOf(invalid)),
						"reason", "误评"));

		long ledger = dispatchedAndVerified(b);
		String l = "/app/orders/" + ledger;
		String later = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(20).toString();
		probedScreen(probed, "POST /app/orders/{id}/extension", a.department(), b.department(), "POST", l + "/extension",
				() -> Map.of("version", String.valueOf(versionOf(ledger)), "newDeadline", later, "reason", "需采购设备"));
		probedScreen(probed, "POST /app/orders/{id}/extension/refuse", a.office(), b.office(), "POST",
				l + "/extension/refuse", () -> Map.of("version", String.valueOf(versionOf(ledger)), "reason", "理由不足"));
		assertThat(b.department().post(l + "/extension", Map.of("version", String.valueOf(versionOf(ledger)),
				"newDeadline", later, "reason", "需采购设备，已补充说明")).status()).isEqualTo(302);
		probedScreen(probed, "POST /app/orders/{id}/extension/approve", a.office(), b.office(), "POST",
				l + "/extension/approve", () -> Map.of("version", String.valueOf(versionOf(ledger)), "reason", "同意"));
		probedScreen(probed, "POST /app/orders/{id}/ledger-entry", a.department(), b.department(), "POST",
				l + "/ledger-entry", () -> Map.of("version", String.valueOf(versionOf(ledger)), "plannedBy", later,
						"plan", "更换设备"));
		probedScreen(probed, "POST /app/orders/{id}/rectify", a.department(), b.department(), "POST", l + "/rectify",
				() -> Map.of("version", String.valueOf(versionOf(ledger)), "evidence", "设备已更换"));

		long unrectifiable = dispatchedAndVerified(b);
		String u = "/app/orders/" + unrectifiable;
		probedScreen(probed, "POST /app/orders/{id}/unrectifiable", a.department(), b.department(), "POST",
				u + "/unrectifiable", () -> Map.of("version", String.valueOf(versionOf(unrectifiable)), "reason", "上位法规定"));
		probedScreen(probed, "POST /app/orders/{id}/unrectifiable/return", a.office(), b.office(), "POST",
				u + "/unrectifiable/return", () -> Map.of("version", String.valueOf(versionOf(unrectifiable)),
						"reason", "可先优化告知"));
		assertThat(b.department().post(u + "/unrectifiable", Map.of("version", String.valueOf(versionOf(unrectifiable)),
				"reason", "上位法规定")).status()).isEqualTo(302);
		probedScreen(probed, "POST /app/orders/{id}/unrectifiable/approve", a.office(), b.office(), "POST",
				u + "/unrectifiable/approve", () -> Map.of("version", String.valueOf(versionOf(unrectifiable)),
						"reason", "属实"));

		Set<String> expected = new TreeSet<>(WORK_ORDER_SCREENS.keySet());
		expected.removeIf(e -> e.contains("/r/"));
		assertThat(probed).containsExactlyInAnyOrderElementsOf(expected);
	}

	record ScreenPeople(org.hcp.support.People.Session hotline, org.hcp.support.People.Session department,
			org.hcp.support.People.Session office) {
	}

	/**
	 * The person of region A is refused (a page with 403, 404 or 422), sees nothing of region B and leaves nothing;
	 * the one of region B succeeds (200 or the redirect after a step).
	 */
	private void probedScreen(Set<String> probed, String endpoint, org.hcp.support.People.Session a,
			org.hcp.support.People.Session b, String method, String path,
			java.util.function.Supplier<Map<String, String>> form) {
		Map<String, Long> before = workOrderCounts();
		org.hcp.support.People.Page refused = screenCall(a, method, path, form.get());
		assertThat(refused.status()).as(endpoint + " by a person of region A: " + refused).isIn(403, 404, 422);
		assertThat(refused.text()).as(endpoint + " shows region-B data to region A")
			.doesNotContain(hall().department()).doesNotContain("王五").doesNotContainPattern("id=\"ledger-\\d");
		assertThat(workOrderCounts()).as(endpoint + " stored something for region A").isEqualTo(before);
		org.hcp.support.People.Page allowed = screenCall(b, method, path, form.get());
		assertThat(allowed.status()).as(endpoint + " by a person of region B: " + allowed).isIn(200, 302);
		assertThat(allowed.text()).as(endpoint + " by a person of region B").doesNotContain("id=\"screen-problem\"");
		probed.add(endpoint);
	}

	private static org.hcp.support.People.Page screenCall(org.hcp.support.People.Session session, String method,
			String path, Map<String, String> form) {
		return switch (method) {
			case "GET" -> session.get(path);
			case "MULTIPART" -> session.upload(path, Map.of(), "file", "e.pdf", "application/pdf",
					"%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			default -> session.post(path, form);
		};
	}

	private long dispatchedAndVerified(ScreenPeople b) {
		long id = badlyRatedOrder();
		String o = "/app/orders/" + id;
		assertThat(b.hotline().post(o + "/dispatch", Map.of("version", String.valueOf(versionOf(id)))).status()).isEqualTo(302);
		assertThat(b.department().post(o + "/verify", Map.of("version", String.valueOf(versionOf(id)), "contacted", "评价人",
				"contactMethod", "电话", "findings", "属实")).status()).isEqualTo(302);
		return id;
	}

	// doors: the hall evaluators' devices are managed by the office of the window's region (API and screen); the
	// tablet's own calls are keyed by the device's secret and a token of its own queue, not by region.

	/** The evaluator endpoints: each probed below, or keyed by something other than region (with the reason). */
	private static final Map<String, String> EVALUATOR_DEVICES = Map.ofEntries(
			Map.entry("GET /evaluator/{deviceId}", "not regional: the tablet's page holds no data of its own"),
			Map.entry("GET /evaluator/{deviceId}/next", "not regional: keyed by the device's secret (EvaluatorDeviceIT)"),
			Map.entry("POST /evaluator/{deviceId}/ratings", "not regional: the device's secret and a token of its queue"),
			Map.entry("POST /api/v1/evaluator-devices", "probed"), Map.entry("GET /api/v1/evaluator-devices", "probed"),
			Map.entry("POST /api/v1/evaluator-devices/{deviceId}/rekey", "probed"),
			Map.entry("POST /api/v1/evaluator-devices/{deviceId}/deactivate", "probed"),
			Map.entry("GET /app/devices", "probed"), Map.entry("POST /app/devices", "probed"),
			Map.entry("POST /app/devices/{deviceId}/rekey", "probed"),
			Map.entry("POST /app/devices/{deviceId}/deactivate", "probed"));

	@Test
	void evaluator_devices_of_region_b_are_neither_shown_nor_changed_for_the_office_of_region_a() {
		assertThat(endpoints()).as("every evaluator endpoint is still mapped").containsAll(EVALUATOR_DEVICES.keySet());
		hall(); // region A's parent, the test city, exists with the test hall
		ensureRegion(REGION_A + "000000");
		People people = new People(port);
		People.Person a = people.office(REGION_A + "000000");
		People.Person b = people.office(REGION_B + "000000");
		People.Session screenA = a.signIn();
		People.Session screenB = b.signIn();
		Set<String> probed = new TreeSet<>();
		String viaApi = unique("EVAL-");
		String viaScreen = unique("EVAL-");
		Map<String, String> api = Map.of("deviceId", viaApi, "windowCode", hall().window());
		Map<String, String> screen = Map.of("deviceId", viaScreen, "windowCode", hall().window());

		deviceProbe(probed, "POST /api/v1/evaluator-devices", () -> reply(a.api().post("/api/v1/evaluator-devices", api)),
				() -> reply(b.api().post("/api/v1/evaluator-devices", api)));
		deviceProbe(probed, "POST /app/devices", () -> page(screenA.post("/app/devices", screen)),
				() -> page(screenB.post("/app/devices", screen)));
		for (String id : List.of(viaApi, viaScreen)) {
			assertThat(a.api().get("/api/v1/evaluator-devices").text()).doesNotContain(id);
			assertThat(b.api().get("/api/v1/evaluator-devices").text()).contains(id);
			assertThat(screenA.get("/app/devices").text()).doesNotContain(id);
			assertThat(screenB.get("/app/devices").text()).contains(id);
		}
		probed.add("GET /api/v1/evaluator-devices");
		probed.add("GET /app/devices");
		deviceProbe(probed, "POST /api/v1/evaluator-devices/{deviceId}/rekey",
				() -> reply(a.api().post("/api/v1/evaluator-devices/" + viaApi + "/rekey", null)),
				() -> reply(b.api().post("/api/v1/evaluator-devices/" + viaApi + "/rekey", null)));
		deviceProbe(probed, "POST /app/devices/{deviceId}/rekey",
				() -> page(screenA.post("/app/devices/" + viaScreen + "/rekey", Map.of())),
				() -> page(screenB.post("/app/devices/" + viaScreen + "/rekey", Map.of())));
		deviceProbe(probed, "POST /api/v1/evaluator-devices/{deviceId}/deactivate",
				() -> reply(a.api().post("/api/v1/evaluator-devices/" + viaApi + "/deactivate", null)),
				() -> reply(b.api().post("/api/v1/evaluator-devices/" + viaApi + "/deactivate", null)));
		deviceProbe(probed, "POST /app/devices/{deviceId}/deactivate",
				() -> page(screenA.post("/app/devices/" + viaScreen + "/deactivate", Map.of())),
				() -> page(screenB.post("/app/devices/" + viaScreen + "/deactivate", Map.of())));

		Set<String> expected = new TreeSet<>(EVALUATOR_DEVICES.keySet());
		expected.removeIf(e -> e.contains(" /evaluator/"));
		assertThat(probed).containsExactlyInAnyOrderElementsOf(expected);
	}

	/** Region A's office is refused, sees no secret and changes nothing; region B's office succeeds. */
	private void deviceProbe(Set<String> probed, String endpoint, java.util.function.Supplier<Reply> byA,
			java.util.function.Supplier<Reply> byB) {
		String before = deviceRows();
		Reply refused = byA.get();
		assertThat(refused.status()).as(endpoint + " by the office of region A: " + refused.text()).isIn(403, 404, 422);
		assertThat(refused.text()).as(endpoint + " shows a device secret to region A").doesNotContain("?key=")
			.doesNotContain("\"secret\"");
		assertThat(deviceRows()).as(endpoint + " changed a device for region A").isEqualTo(before);
		Reply allowed = byB.get();
		assertThat(allowed.status()).as(endpoint + " by the office of region B: " + allowed.text()).isIn(200, 201, 302);
		probed.add(endpoint);
	}

	private String deviceRows() {
		return jdbc.sql("""
				select count(*) || '/' || count(rekeyed_at) || '/' || count(*) filter (where not active)
				|| '/' || coalesce(md5(string_agg(encode(secret_hash, 'hex'), ',' order by device_id)), '') from door_device""").query(String.class).single();
	}

	private static Reply reply(Http.Reply reply) {
		return new Reply(reply.status(), reply.text());
	}

	private static Reply page(People.Page page) {
		return new Reply(page.status(), page.text());
	}
}
