package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hcp.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Public disclosure: no personal data, no free text and no staff member in the page, the JSON or the CSV; counts below
 * the minimum (5 in application.yml) suppressed, with the sibling rule; only quarters that have ended.
 */
class DisclosureIT extends DashboardFixtures {

	private static final String QUARTER = "2026Q3";
	private static final Rater[] RATERS = {
			new Rater("欧阳公开", "110101197001011234", randomMobile(), "窗口王五态度很好谢谢" + unique("C")),
			new Rater("司马隐私", "11010119800202567X", randomMobile(), "排队太久了" + unique("C")) };

	private static String boundary;
	private static String a4, b4, c5;
	private static String secondary;
	private static String d4, e5, f6;

	@BeforeEach
	void ratingsInAnEndedQuarter() {
		if (boundary == null) {
			boundary = newTownship();
			a4 = newVillage(boundary, 1);
			b4 = newVillage(boundary, 2);
			c5 = newVillage(boundary, 3);
			rated(a4, "2026-08-10", 4, 5, RATERS[0]);
			rated(b4, "2026-08-11", 4, 4, RATERS[1]);
			rated(c5, "2026-09-30", 5, 5, RATERS[0]);
			secondary = newTownship();
			d4 = newVillage(secondary, 1);
			e5 = newVillage(secondary, 2);
			f6 = newVillage(secondary, 3);
			rated(d4, "2026-07-01", 4, 5, RATERS[1]);
			rated(e5, "2026-07-02", 5, 5, RATERS[0]);
			rated(f6, "2026-07-03", 6, 4, RATERS[1]);
		}
	}

	@Test
	void a_count_of_four_is_suppressed_and_a_count_of_five_is_shown() {
		JsonNode table = ok(anonymous.get("/api/public/v1/statistics?region=" + boundary + "&period=" + QUARTER));
		assertThat(table.path("minimumCount").asInt()).isEqualTo(5);
		JsonNode a = row(table, a4), b = row(table, b4), c = row(table, c5);

		assertThat(a.path("evaluations").path("suppressed").asBoolean()).isTrue();
		assertThat(a.path("evaluations").path("value").isNull()).isTrue();
		assertThat(a.path("goodRate").path("suppressed").asBoolean()).isTrue();
		assertThat(a.path("goodRate").path("value").isNull()).isTrue();
		assertThat(b.path("evaluations").path("suppressed").asBoolean()).isTrue();
		// two suppressed siblings: neither can be worked out from the total, so c is shown
		assertThat(c.path("evaluations").path("suppressed").asBoolean()).isFalse();
		assertThat(c.path("evaluations").path("value").asLong()).isEqualTo(5);
		assertThat(c.path("goodRate").path("percent").asString()).isEqualTo("100.00 %");
		assertThat(table.path("total").path("evaluations").path("value").asLong()).isEqualTo(13);
		// zero identifies nobody: shown
		assertThat(c.path("validBad").path("value").asLong()).isZero();
		assertThat(c.path("status").asString()).isEqualTo("NONE");
	}

	@Test
	void when_one_sibling_is_suppressed_the_smallest_other_is_suppressed_too() {
		JsonNode table = ok(anonymous.get("/api/public/v1/statistics?region=" + secondary + "&period=" + QUARTER));
		assertThat(row(table, d4).path("evaluations").path("suppressed").asBoolean()).isTrue();
		assertThat(row(table, e5).path("evaluations").path("suppressed").asBoolean()).isTrue();
		assertThat(row(table, e5).path("evaluations").path("value").isNull()).isTrue();
		assertThat(row(table, f6).path("evaluations").path("value").asLong()).isEqualTo(6);
		// a rate with a denominator of 5 is published even where its count is hidden by the sibling rule
		assertThat(row(table, e5).path("goodRate").path("suppressed").asBoolean()).isFalse();

		// the village's own page judges it among the same siblings: nothing the township page hides shows there
		JsonNode own = ok(anonymous.get("/api/public/v1/statistics?region=" + e5 + "&period=" + QUARTER));
		assertThat(own.path("total").path("evaluations").path("suppressed").asBoolean()).isTrue();
	}

	@Test
	void the_csv_leaves_suppressed_cells_empty_and_starts_with_a_byte_order_mark() {
		Http.Reply csv = anonymous.get("/api/public/v1/statistics.csv?region=" + boundary + "&period=" + QUARTER);
		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.text()).startsWith("\uFEFFkind,code,name,evaluations,");
		List<String> lines = csv.text().lines().toList();
		assertThat(lines.stream().filter(l -> l.contains(a4)).findFirst().orElseThrow())
			.isEqualTo("REGION," + a4 + ",测试村1,,,,0,0,0,,NONE");
		assertThat(lines.stream().filter(l -> l.contains(c5)).findFirst().orElseThrow())
			.startsWith("REGION," + c5 + ",测试村3,5,1.000000,");
		assertThat(csv.text().getBytes(StandardCharsets.UTF_8)).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
	}

	@Test
	void no_personal_data_no_comment_and_no_staff_member_is_published() {
		for (String region : List.of(boundary, secondary, a4, county())) {
			String query = "?region=" + region + "&period=" + QUARTER;
			List<Http.Reply> answers = List.of(anonymous.get("/api/public/v1/statistics" + query),
					anonymous.get("/api/public/v1/statistics.csv" + query), anonymous.get("/public/statistics" + query));
			for (Http.Reply answer : answers) {
				assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
				for (Rater rater : RATERS) {
					assertThat(answer.text()).doesNotContain(rater.name(), rater.idNumber(), rater.mobile(),
							rater.mobile().substring(0, 3) + "****" + rater.mobile().substring(7), rater.comment());
				}
				assertThat(answer.text()).doesNotContain(hall().staffNo(), "王五", hall().staffMobile(), hall().staffId(),
						hall().window(), hall().institution(), "综合窗口", "测试大厅");
			}
		}
		JsonNode table = ok(anonymous.get("/api/public/v1/statistics?region=" + boundary + "&period=" + QUARTER));
		assertThat(table.path("total").propertyNames()).containsExactlyInAnyOrder("kind", "code", "name", "evaluations",
				"goodRate", "activeRate", "validBad", "replied", "rectified", "rectifyRate", "status");
	}

	@Test
	void only_quarters_that_have_ended_are_published() {
		Http.Reply current = anonymous.get("/api/public/v1/statistics?region=" + boundary + "&period=2026Q4");
		assertThat(current.status()).as(current.toString()).isEqualTo(400);
		assertThat(current.json().path("code").asString()).isEqualTo("PERIOD_NOT_ENDED");
		assertThat(current.errorFields()).containsExactly("period");
		for (String period : List.of("2026-08", "2026", "2026-08-10", "2026-07-01..2026-07-31")) {
			Http.Reply refused = anonymous.get("/api/public/v1/statistics?region=" + boundary + "&period=" + period);
			assertThat(refused.status()).as(period + " " + refused).isEqualTo(400);
			assertThat(refused.json().path("code").asString()).isEqualTo("PERIOD_NOT_PUBLISHED");
		}
		assertThat(anonymous.get("/api/public/v1/statistics.csv?region=" + boundary + "&period=2026Q4").status())
			.isEqualTo(400);
		assertThat(anonymous.get("/public/statistics?region=" + boundary + "&period=2026Q4").status()).isEqualTo(400);
		assertThat(anonymous.get("/api/public/v1/statistics?region=" + boundary + "&period=2026Q5").status())
			.isEqualTo(400);
	}

	@Test
	void region_codes_must_exist_and_be_well_formed() {
		Http.Reply unknown = anonymous.get("/api/public/v1/statistics?region=" + CITY.substring(0, 4) + "99000000&period="
				+ QUARTER);
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
		Http.Reply malformed = anonymous.get("/api/public/v1/statistics?region=abc&period=" + QUARTER);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.errorFields()).containsExactly("region");
	}

	@Test
	void the_public_page_shows_suppressed_counts_as_below_the_minimum() {
		Http.Reply page = anonymous.get("/public/statistics?region=" + boundary + "&period=" + QUARTER);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("&lt;5", "测试村3", "/api/public/v1/statistics.csv?region=" + boundary);
		assertThat(anonymous.get("/").text()).contains("/public/statistics");
	}

	private static JsonNode row(JsonNode table, String code) {
		for (JsonNode r : table.path("regions")) {
			if (r.path("code").asString().equals(code)) {
				return r;
			}
		}
		throw new AssertionError(code + " not in " + table);
	}

	private static JsonNode ok(Http.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}
}
