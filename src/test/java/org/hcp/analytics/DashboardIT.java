package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hcp.support.Http;
import org.hcp.support.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The dashboard's JSON: every panel equals what Statistics serves, within the caller's region scope only. */
class DashboardIT extends DashboardFixtures {

	private static final Period QUARTER = Period.quarter(2026, 4);
	private static final Rater RATER = new Rater("赵看板", "110101198001010011", randomMobile(), "看板测试评语");

	private static String township;
	private static String village;

	@BeforeEach
	void ratingsInATownshipOfItsOwn() {
		if (township == null) {
			township = newTownship();
			village = newVillage(township, 1);
			rated(village, "2026-11-02", 3, 5, RATER);
			rated(village, "2026-11-03", 1, 3, RATER);
			rated(township, "2026-11-03", 2, 4, RATER);
		}
	}

	@Test
	void every_headline_figure_is_the_statistics_figure_of_the_region_and_period() {
		JsonNode dashboard = ok(admin.get("/api/v1/dashboard?region=" + township + "&period=2026Q4"));
		FigureSet figures = statistics.figures(Subject.region(township), QUARTER);

		assertThat(dashboard.path("focus").path("key").asString()).isEqualTo(township);
		assertThat(dashboard.path("headline")).hasSize(Dashboard.HEADLINE.size());
		for (JsonNode h : dashboard.path("headline")) {
			Figure f = figures.get(Metric.valueOf(h.path("metric").asString()));
			assertThat(h.path("value").asLong()).as(h.toString()).isEqualTo(f.value());
			assertThat(h.has("percent") ? h.path("percent").asString() : null).as(h.toString())
				.isEqualTo(f.metric().isRate() ? f.percent() : null);
			assertThat(h.path("definition").path("zh").asString()).isNotBlank().doesNotStartWith("analytics.");
		}
		assertThat(figures.count(Metric.EVALUATIONS)).isEqualTo(6);
		assertThat(dashboard.path("headline").get(1).path("percent").asString()).isEqualTo("100.00 %");
		assertThat(dashboard.path("levels").findValuesAsString("count")).containsExactly("3", "2", "1", "0", "0");
		assertThat(dashboard.path("overdue").path("count").asLong()).isEqualTo(figures.count(Metric.BAD_OVERDUE));
		assertThat(dashboard.path("overdue").path("ledger").asString())
			.contains("/app/orders/ledger", "region=" + township, "overdue=true");
	}

	@Test
	void the_panels_are_the_statistics_breakdowns() {
		JsonNode dashboard = ok(admin.get("/api/v1/dashboard?region=" + township + "&period=2026Q4"));
		Subject subject = Subject.region(township);

		List<TrendPoint> trend = statistics.trend(subject, QUARTER);
		assertThat(dashboard.path("trend")).hasSize(trend.size());
		long total = 0;
		for (int i = 0; i < trend.size(); i++) {
			assertThat(dashboard.path("trend").get(i).path("evaluations").asLong()).isEqualTo(trend.get(i).evaluations());
			total += trend.get(i).evaluations();
		}
		assertThat(total).isEqualTo(6);
		assertThat(dashboard.path("channels").findValuesAsString("key"))
			.containsExactlyElementsOf(statistics.channels(subject, QUARTER).stream().map(Tally::key).toList());
		assertThat(dashboard.path("channels").get(0).path("count").asLong()).isEqualTo(6);
		assertThat(dashboard.path("reasons")).hasSize(statistics.reasons(subject, QUARTER).size());
		assertThat(dashboard.path("items")).hasSize(statistics.itemsWithMostBad(subject, QUARTER, Dashboard.ITEMS).size());
	}

	@Test
	void the_drill_down_lists_the_child_regions_with_their_figures_and_the_way_back_up() {
		JsonNode dashboard = ok(admin.get("/api/v1/dashboard?region=" + township + "&period=2026Q4"));
		JsonNode child = dashboard.path("children").get(0);
		assertThat(dashboard.path("children")).hasSize(1);
		assertThat(child.path("code").asString()).isEqualTo(village);
		assertThat(child.path("evaluations").asLong()).isEqualTo(4);
		assertThat(child.path("goodRate").asString()).isEqualTo("100.00 %");
		assertThat(child.path("drill").asBoolean()).isFalse();
		assertThat(dashboard.path("ranking").path("rows").get(0).path("key").asString()).isEqualTo(village);
		assertThat(dashboard.path("ranking").path("method").path("zh").asString()).isNotBlank();
		// the admin's top region is the province: province › city › county › township
		assertThat(dashboard.path("breadcrumb").findValuesAsString("code"))
			.containsExactly(township.substring(0, 2) + "0000000000", township.substring(0, 4) + "00000000",
					township.substring(0, 6) + "000000", township);

		JsonNode below = ok(admin.get("/api/v1/dashboard?region=" + village + "&period=2026Q4"));
		assertThat(below.path("headline").get(0).path("value").asLong()).isEqualTo(4);
		assertThat(below.path("children")).isEmpty();
	}

	@Test
	void an_office_sees_its_own_region_and_below_and_starts_at_its_own_region() {
		String county = township.substring(0, 6) + "000000";
		People.Api office = new People(port).office(county).api();

		JsonNode own = ok(office.get("/api/v1/dashboard?period=2026Q4"));
		assertThat(own.path("focus").path("key").asString()).isEqualTo(county);
		assertThat(own.path("breadcrumb").findValuesAsString("code")).containsExactly(county);
		assertThat(own.path("children").findValuesAsString("code")).contains(township);

		JsonNode below = ok(office.get("/api/v1/dashboard?region=" + township + "&period=2026Q4"));
		assertThat(below.path("breadcrumb").findValuesAsString("code")).containsExactly(county, township);
	}

	@Test
	void an_office_of_one_county_cannot_see_another() {
		People.Api otherCounty = new People(port).office(county()).api();
		assertThat(township).doesNotStartWith(county().substring(0, 6));

		Http.Reply refused = otherCounty.get("/api/v1/dashboard?region=" + township + "&period=2026Q4");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.json().path("code").asString()).isEqualTo("OUT_OF_SCOPE");
		assertThat(refused.text()).doesNotContain("测试镇");
		// nor learn whether a region outside its scope exists
		assertThat(otherCounty.get("/api/v1/dashboard?region=" + township.substring(0, 6) + "999000&period=2026Q4")
			.status()).isEqualTo(403);
	}

	@Test
	void a_department_handler_sees_their_department_only() {
		People.Api handler = new People(port).department(hall().region(), hall().department()).api();
		JsonNode own = ok(handler.get("/api/v1/dashboard?region=" + township + "&period=2026Q4"));
		assertThat(own.path("focus").path("dimension").asString()).isEqualTo("DEPARTMENT");
		assertThat(own.path("focus").path("key").asString()).isEqualTo(hall().department());
		assertThat(own.path("headline").get(0).path("value").asLong())
			.isEqualTo(statistics.figures(Subject.of(Dimension.DEPARTMENT, hall().department()), QUARTER)
				.count(Metric.EVALUATIONS));
		assertThat(own.path("children")).isEmpty();
	}

	@Test
	void people_without_a_dashboard_are_refused() {
		assertThat(new People(port).hotline(county()).api().get("/api/v1/dashboard").status()).isEqualTo(403);
		assertThat(anonymous.get("/api/v1/dashboard").status()).isEqualTo(401);
	}

	@Test
	void a_bad_period_or_region_is_a_400_naming_the_field_and_an_unknown_region_a_404() {
		for (String period : List.of("2026Q5", "2026-13", "yesterday", "2026-07-31..2026-07-01")) {
			Http.Reply bad = admin.get("/api/v1/dashboard?region=" + township + "&period=" + period);
			assertThat(bad.status()).as(period + " " + bad).isEqualTo(400);
			assertThat(bad.errorFields()).containsExactly("period");
		}
		Http.Reply badRegion = admin.get("/api/v1/dashboard?region=12ab&period=2026Q4");
		assertThat(badRegion.status()).isEqualTo(400);
		assertThat(badRegion.errorFields()).containsExactly("region");
		assertThat(admin.get("/api/v1/dashboard?region=" + CITY.substring(0, 4) + "99000000&period=2026Q4").status())
			.isEqualTo(404);
	}

	private static JsonNode ok(Http.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}
}
