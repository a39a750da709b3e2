package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.hcp.catalog.ChannelFamily;
import org.hcp.catalog.Indicator;
import org.hcp.evaluation.RatingDoors;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The token pages, the thank-you page and its progress link, over HTTP as a browser without JavaScript posts them. */
class RatingPagesIT extends ServiceFixtures {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@Autowired
	RatingDoors doors;

	@Autowired
	org.hcp.evaluation.CaseLinks caseLinks;

	record Page(int status, String text, String location, String cookie) {
	}

	private Page get(String path, String cookie) {
		HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
			.header("Accept", "text/html");
		if (cookie != null) {
			r.header("Cookie", cookie);
		}
		return send(r.build());
	}

	private Page post(String path, Map<String, String> form) {
		String body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html").build());
	}

	private static Page send(HttpRequest request) {
		try {
			HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null),
					r.headers().firstValue("Set-Cookie").orElse(null));
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private String token(Map<String, Object> body) {
		return admin.post("/api/v1/binding-tokens", body).json().path("token").asString();
	}

	private String deviceToken(String caseNo) {
		return token(Map.of("kind", "KIOSK", "caseNo", caseNo));
	}

	private int ratings(String caseNo) {
		return storedRatings(caseNo);
	}

	private Indicator badOption(int stars) {
		List<Indicator> options = doors.badReviewOptions(ChannelFamily.OFFLINE).get(stars);
		assertThat(options).as("indicators of %d stars offline", stars).isNotEmpty();
		return options.get(0);
	}

	@Test
	void the_page_shows_item_window_and_staff_number_and_suggests_no_level() {
		String caseNo = aCase().completedAfter(30).create().path("caseNo").asString();
		Page page = get("/rate/t/" + deviceToken(caseNo), null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("id=\"rate-item\"").contains(hall().window()).contains(hall().staffNo())
			.doesNotContain("王五").doesNotContain(hall().staffMobile());
		for (int n = 1; n <= 5; n++) {
			assertThat(page.text()).contains("id=\"level-" + n + "\"");
		}
		assertThat(page.text()).doesNotContain("checked").doesNotContain("aria-pressed=\"true\"")
			.doesNotContain("autofocus").doesNotContainPattern("<textarea[^>]*>[^<]+</textarea>");
	}

	@Test
	void a_good_rating_is_one_post_and_its_replay_with_the_same_key_stores_no_second() {
		String caseNo = aCase().completedAfter(30).create().path("caseNo").asString();
		String t = deviceToken(caseNo);
		Page first = post("/rate/t/" + t, Map.of("level", "5", "idempotencyKey", "k-" + caseNo, "comment", ""));
		assertThat(first.status()).as(first.text()).isEqualTo(302);
		assertThat(first.location()).contains("/rate/thanks/");
		Page again = post("/rate/t/" + t, Map.of("level", "5", "idempotencyKey", "k-" + caseNo));
		assertThat(again.location()).isEqualTo(first.location());
		assertThat(ratings(caseNo)).isEqualTo(1);
		Page thanks = get(first.location().replaceFirst("^https?://[^/]+", ""), null);
		assertThat(thanks.status()).isEqualTo(200);
		assertThat(thanks.text()).contains("id=\"thanks-level\"").doesNotContain("id=\"thanks-department\"");
	}

	@Test
	void a_bad_rating_with_neither_indicator_nor_text_is_refused_on_the_page_and_stores_nothing() {
		String caseNo = aCase().completedAfter(30).create().path("caseNo").asString();
		Page refused = post("/rate/t/" + deviceToken(caseNo), Map.of("level", "2", "idempotencyKey", "k-" + caseNo,
				"badText", " "));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("id=\"bad-2-error\"").contains("id=\"bad-2\"")
			.containsPattern("id=\"bad-2-error\"[^>]*>[^<]+<");
		assertThat(ratings(caseNo)).isZero();
	}

	@Test
	void a_refusal_on_a_rating_page_is_problem_json_for_a_client_that_does_not_ask_for_html() {
		String caseNo = aCase().completedAfter(30).create().path("caseNo").asString();
		Page refused = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/kiosk/" + deviceToken(caseNo)))
			.POST(HttpRequest.BodyPublishers.ofString("level=2&badText=+"))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json").build());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(org.hcp.support.Http.parse(refused.text()).path("code").asString()).isEqualTo("RATING_RULE_BROKEN");
		assertThat(ratings(caseNo)).isZero();
		Page expired = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/rate/t/not-a-token"))
			.GET().header("Accept", "application/json").build());
		assertThat(expired.status()).isEqualTo(401);
		assertThat(org.hcp.support.Http.parse(expired.text()).path("code").asString()).isEqualTo("LINK_EXPIRED");
	}

	@Test
	void a_bad_rating_thanks_with_the_department_and_the_verification_deadline_and_its_progress_link_works() {
		String caseNo = aCase().completedAfter(30).create().path("caseNo").asString();
		Indicator option = badOption(1);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("level", "1");
		form.put("indicators", option.code());
		form.put("badText", "等了很久");
		form.put("idempotencyKey", "k-" + caseNo);
		Page rated = post("/rate/t/" + deviceToken(caseNo), form);
		assertThat(rated.status()).as(rated.text()).isEqualTo(302);
		Page thanks = get(rated.location().replaceFirst("^https?://[^/]+", ""), null);
		assertThat(thanks.text()).containsPattern("id=\"thanks-department\">[^<]+<")
			.containsPattern("id=\"thanks-deadline\">\\d{4}-\\d{2}-\\d{2}<");
		Matcher link = Pattern.compile("id=\"thanks-progress\" href=\"(/r/[^\"]+)\"").matcher(thanks.text());
		assertThat(link.find()).as(thanks.text()).isTrue();
		Page progress = get(link.group(1), null);
		assertThat(progress.status()).isEqualTo(200);
		assertThat(progress.text()).containsAnyOf("id=\"progress-pending\"", "id=\"progress-stage\"");
		// a progress link of another rating cannot be made up
		String forged = link.group(1).substring(0, link.group(1).length() - 2) + (link.group(1).endsWith("AA") ? "BB" : "AA");
		assertThat(get(forged, null).status()).isEqualTo(404);
	}

	@Test
	void a_forged_or_expired_token_gets_a_clear_page_not_a_stack_trace() {
		Page page = get("/rate/t/not-a-token", null);
		assertThat(page.status()).isEqualTo(401);
		assertThat(page.text()).contains("id=\"expired-heading\"").doesNotContain("Exception");
		assertThat(post("/rate/t/not-a-token", Map.of("level", "5")).status()).isEqualTo(401);
	}

	@Test
	void the_receipt_link_rates_with_the_applicants_mobile_and_the_sms_code() {
		String mobile = randomMobile();
		String caseNo = aCase().applicantMobile(mobile).completedAfter(30).create().path("caseNo").asString();
		String t = token(Map.of("kind", "CASE", "caseNo", caseNo));
		Page page = get("/rate/t/" + t, null);
		assertThat(page.text()).contains("id=\"mobile\"").contains("id=\"send-code\"").contains("id=\"certNo\"")
			.doesNotContain("id=\"caseNo\"");
		Page sent = post("/rate/t/" + t + "/code", Map.of("mobile", mobile));
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.text()).contains("id=\"code-sent\"").contains("value=\"" + mobile + "\"");
		String code = lastSmsCode(mobile).orElseThrow();
		Page wrong = post("/rate/t/" + t, Map.of("level", "4", "mobile", mobile, "oneTimeCode", "000000".equals(code) ? "111111" : "000000"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(ratings(caseNo)).isZero();
		// the wrong try used one of the code's attempts, not the code
		Page rated = post("/rate/t/" + t, Map.of("level", "4", "mobile", mobile, "oneTimeCode", code,
				"idempotencyKey", "k-" + caseNo));
		assertThat(rated.status()).as(rated.text()).isEqualTo(302);
		assertThat(ratings(caseNo)).isEqualTo(1);
	}

	@Test
	void a_printed_staff_code_opens_its_windows_page_and_a_replaced_one_says_to_ask_for_the_new_one() {
		String old = admin.post("/api/v1/staff-codes", Map.of("staffNo", hall().staffNo(), "windowCode", hall().window()))
			.json().path("code").asString();
		String current = admin.post("/api/v1/staff-codes", Map.of("staffNo", hall().staffNo(), "windowCode",
				hall().window())).json().path("code").asString();
		Page opened = get("/q/" + current, null);
		assertThat(opened.status()).isEqualTo(302);
		Page page = get(opened.location().replaceFirst("^https?://[^/]+", ""), null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains(hall().window()).contains(hall().staffNo()).contains("id=\"caseNo\"");
		Page replaced = get("/q/" + old, null);
		assertThat(replaced.status()).isEqualTo(410);
		assertThat(replaced.text()).contains("id=\"replaced-heading\"");
		assertThat(get("/q/never-issued-code", null).status()).isEqualTo(404);
	}

	@Test
	void a_case_short_link_opens_the_rating_page_of_that_case() {
		String caseNo = aCase().completedAfter(30).create().path("caseNo").asString();
		String code = caseLinks.codeOf(caseNo);
		Page opened = get("/c/" + code, null);
		assertThat(opened.status()).isEqualTo(302);
		Page page = get(opened.location().replaceFirst("^https?://[^/]+", ""), null);
		assertThat(page.text()).contains("id=\"rate-item\"").contains("id=\"mobile\"").doesNotContain("id=\"caseNo\"");
		assertThat(get("/c/" + code + "x", null).status()).isEqualTo(404);
	}

	@Test
	void large_text_is_kept_in_a_cookie_so_the_next_page_paints_large_at_once() {
		Page toggled = get("/a11y?toggle=large&back=/kiosk", null);
		assertThat(toggled.status()).isEqualTo(302);
		assertThat(toggled.location()).endsWith("/kiosk");
		assertThat(toggled.cookie()).startsWith("hcp-a11y=large");
		assertThat(get("/kiosk", "hcp-a11y=large").text()).containsPattern("<html[^>]*class=\"[^\"]*a11y-large");
		assertThat(get("/kiosk", null).text()).doesNotContainPattern("<html[^>]*a11y-large");
		assertThat(get("/a11y?toggle=large&back=//evil.example", null).location()).endsWith("/rate");
	}

	@Test
	void the_page_is_english_with_lang_en_and_chinese_by_default() {
		assertThat(get("/kiosk", null).text()).contains("lang=\"zh-CN\"").contains("请在自助终端办理业务后评价");
		assertThat(get("/kiosk?lang=en", null).text()).contains("lang=\"en\"").contains("Please rate after your transaction");
	}

	@Test
	void the_rating_page_weighs_under_100_kb_gzipped_on_first_load() throws IOException {
		String caseNo = aCase().completedAfter(30).create().path("caseNo").asString();
		String html = get("/rate/t/" + deviceToken(caseNo), null).text();
		int total = gzip(html);
		Matcher assets = Pattern.compile("(?:href|src)=\"(/(?:css|js)/[^\"]+)\"").matcher(html);
		int count = 0;
		while (assets.find()) {
			total += gzip(get(assets.group(1), null).text());
			count++;
		}
		assertThat(count).as("the page's own style sheet and script").isEqualTo(2);
		assertThat(html).doesNotContainPattern("(?:src|href)=\"(?:https?:)?//").doesNotContain("webjars");
		assertThat(total).as("HTML + CSS + JS, gzip").isLessThan(100 * 1024);
	}

	private static int gzip(String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream z = new GZIPOutputStream(out)) {
			z.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return out.size();
	}
}
