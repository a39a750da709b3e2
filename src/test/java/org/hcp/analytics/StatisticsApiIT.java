package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.hcp.security.Role;
import org.hcp.support.Http;
import org.hcp.support.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The statistics API: bad parameters are 400s naming their field, every unit is region-scoped, the check is admin-only. */
class StatisticsApiIT extends StatisticsFixtures {

	private static Unit unit;

	private People people;

	@BeforeEach
	void aRatedUnit() {
		people = new People(port);
		if (unit == null) {
			Unit u = newUnit();
			rated(completedCase(u), 5, "WEB_PORTAL");
			rated(completedCase(u), 2, "MOBILE_APP", "201");
			unit = u;
		}
	}

	private String at(String path, String query) {
		return path + "?key=" + unit.region() + "&period=" + thisYear() + query;
	}

	private static String thisYear() {
		return Integer.toString(org.hcp.shared.ChinaTime.dateOf(java.time.Instant.now()).getYear());
	}

	@Test
	void a_bad_period_dimension_channel_limit_or_key_is_refused_naming_its_field() {
		assertField(admin.get("/api/v1/statistics?key=" + unit.region() + "&period=2026Q5"), "period");
		assertField(admin.get("/api/v1/statistics?key=" + unit.region()), "period");
		assertField(admin.get("/api/v1/statistics?key=" + unit.region() + "&period=2026-07-31..2026-07-01"), "period");
		assertField(admin.get(at("/api/v1/statistics", "&dimension=PLANET")), "dimension");
		assertField(admin.get(at("/api/v1/statistics", "&channel=CARRIER_PIGEON")), "channel");
		assertField(admin.get(at("/api/v1/statistics/items", "&limit=0")), "limit");
		assertField(admin.get("/api/v1/statistics?period=2026"), "key");
		Http.Reply badRegion = admin.get("/api/v1/statistics?key=12345&period=2026");
		assertThat(badRegion.status()).as(badRegion.toString()).isIn(400, 422);
		assertThat(badRegion.errorFields()).contains("key");
		assertThat(admin.get("/api/v1/statistics?dimension=WINDOW&key=NO-SUCH-WINDOW&period=2026").status()).isEqualTo(404);
	}

	@Test
	void every_figure_comes_with_its_name_and_definition_in_chinese_and_english() {
		statistics.catchUp();
		Http.Reply reply = admin.get(at("/api/v1/statistics", ""));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		JsonNode body = reply.json();
		assertThat(body.path("figures")).hasSize(Metric.values().length);
		assertThat(body.path("period").path("to").asString()).isEqualTo(thisYear() + "-12-31");
		JsonNode goodRate = figure(body, "GOOD_RATE");
		assertThat(goodRate.path("name").path("zh").asString()).isEqualTo("好评率");
		assertThat(goodRate.path("name").path("en").asString()).isEqualTo("Good-rating rate");
		assertThat(goodRate.path("definition").path("zh").asString()).contains("好评数", "评价数");
		assertThat(goodRate.path("numerator").asLong()).isEqualTo(1);
		assertThat(goodRate.path("denominator").asLong()).isEqualTo(2);
		assertThat(goodRate.path("percent").asString()).isEqualTo("50.00 %");
		assertThat(figure(body, "EVALUATIONS").path("value").asLong()).isEqualTo(2);
		assertThat(figure(body, "RANDOM_REVISIT_SATISFACTION_RATE").path("percent").asString()).isEqualTo("—");
		for (String path : new String[] { "/api/v1/statistics/children", "/api/v1/statistics/departments",
				"/api/v1/statistics/trend", "/api/v1/statistics/channels", "/api/v1/statistics/reasons",
				"/api/v1/statistics/items" }) {
			assertThat(admin.get(at(path, "")).status()).as(path).isEqualTo(200);
		}
		assertThat(admin.get(at("/api/v1/statistics/trend", "")).json().path("step").asString()).isEqualTo("MONTH");
	}

	@Test
	void an_office_reads_its_region_and_below_and_is_refused_elsewhere() {
		String county = unit.region().substring(0, 6);
		assertThat(people.office(county).api().get(at("/api/v1/statistics", "")).status()).isEqualTo(200);
		Http.Reply elsewhere = people.office(newTownship()).api().get(at("/api/v1/statistics", ""));
		assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(403);
		assertThat(elsewhere.text()).doesNotContain(unit.region());
		assertThat(people.office(newTownship()).api()
			.get("/api/v1/statistics?dimension=WINDOW&key=" + unit.window() + "&period=2026").status()).isEqualTo(403);
		assertThat(people.office(newTownship()).api()
			.get("/api/v1/statistics?dimension=STAFF&key=" + unit.staffNo() + "&period=2026").status()).isEqualTo(403);
		assertThat(people.office(county).api()
			.get("/api/v1/statistics?dimension=STAFF&key=" + unit.staffNo() + "&period=2026").status()).isEqualTo(200);
	}

	@Test
	void a_department_handler_reads_its_own_department_only() {
		People.Person handler = people.department(unit.region(), unit.department());
		assertThat(handler.api().get("/api/v1/statistics?dimension=DEPARTMENT&key=" + unit.department() + "&period=2026")
			.status()).isEqualTo(200);
		String other = newDepartment(unit.region());
		assertThat(handler.api().get("/api/v1/statistics?dimension=DEPARTMENT&key=" + other + "&period=2026").status())
			.isEqualTo(403);
		assertThat(handler.api().get(at("/api/v1/statistics", "")).status()).as("not the whole township").isEqualTo(403);
	}

	@Test
	void hotline_staff_and_sms_gateways_read_no_statistics() {
		assertThat(people.hotline(unit.region()).api().get(at("/api/v1/statistics", "")).status()).isEqualTo(403);
		assertThat(people.with(Role.STAFF).region(unit.region()).staff(unit.staffNo()).create().api()
			.get(at("/api/v1/statistics", "")).status()).isEqualTo(403);
		assertThat(anonymous.get(at("/api/v1/statistics", "")).status()).isEqualTo(401);
	}

	@Test
	void items_are_read_only_by_callers_who_see_every_region() {
		String item = "/api/v1/statistics?dimension=ITEM&key=" + unit.item() + "&period=2026";
		assertThat(people.office(unit.region()).api().get(item).status()).isEqualTo(403);
		assertThat(admin.get(item).status()).isEqualTo(200);
	}

	@Test
	void the_check_is_for_administrators_and_reports_every_count_equal() {
		String check = at("/api/v1/admin/statistics/check", "");
		assertThat(people.office(unit.region()).api().post(check, null).status()).isEqualTo(403);
		Http.Reply reply = admin.post(check, null);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().path("allEqual").asBoolean()).as(reply.text()).isTrue();
		assertThat(reply.json().path("lines")).isNotEmpty();
		Http.Reply caughtUp = admin.post("/api/v1/admin/statistics/catch-up", null);
		assertThat(caughtUp.status()).isEqualTo(200);
		assertThat(caughtUp.json().path("asOf").isMissingNode()).isFalse();
	}

	private static JsonNode figure(JsonNode body, String metric) {
		for (JsonNode f : body.path("figures")) {
			if (f.path("metric").asString().equals(metric)) {
				return f;
			}
		}
		throw new AssertionError("no figure " + metric);
	}

	private static void assertField(Http.Reply reply, String field) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		assertThat(reply.errorFields()).as(reply.toString()).contains(field);
	}
}
