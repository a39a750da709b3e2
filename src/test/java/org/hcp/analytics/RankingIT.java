package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Fair rankings over the real API (ADR 0027): a township of five villages rated in October 2026 through the exchange,
 * and a hall of two windows rated in August and September through the cases and evaluations API.
 */
class RankingIT extends ServiceFixtures {


	/** The township, its villages (A–E), and the hall with its windows. */
	record Place(String township, List<String> villages, String department, String item, String hall,
			String betterWindow, String worseWindow) {
	}

	private static Place place;

	@Autowired
	Statistics statistics;

	private People people;

	@BeforeEach
	void data() {
		people = new People(port);
		if (place != null) {
			return;
		}
		String township = newTownship();
		List<String> villages = new ArrayList<>();
		for (int v = 1; v <= 5; v++) {
			String code = township.substring(0, 9) + String.format("%03d", v);
			assertThat(admin.post("/api/v1/catalog/regions", Map.of("code", code, "name", "测试村" + v)).status())
				.isEqualTo(201);
			villages.add(code);
		}
		String department = newDepartment(township);
		String item = newItem(department);
		String hall = newInstitution(township);
		place = new Place(township, villages, department, item, hall, newWindow(hall), newWindow(hall));
		// villages in October: A 40 of 40 good, B 40 of 40, C 45 of 60, D 5 of 5, E none
		List<Map<String, Object>> services = new ArrayList<>();
		List<Map<String, Object>> ratings = new ArrayList<>();
		int[][] plan = { { 40, 40 }, { 40, 40 }, { 60, 45 }, { 5, 5 } };
		for (int v = 0; v < plan.length; v++) {
			for (int i = 0; i < plan[v][0]; i++) {
				String projectNo = unique("RK");
				OffsetDateTime at = OffsetDateTime.parse("2026-10-01T09:00:00+08:00").plusDays(i % 28);
				services.add(exchangeService(villages.get(v), projectNo, at));
				ratings.add(exchangeRating(projectNo, i < plan[v][1] ? 5 : 2, at.plusHours(1)));
			}
		}
		ExchangeBatches.assertAccepted(admin.post("/api/exchange/v1/services", services), services.size());
		ExchangeBatches.assertAccepted(admin.post("/api/exchange/v1/evaluations", ratings), ratings.size());
		// the hall in August and September: the better window 30 of 30 good, the worse 20 of 30, both months
		for (String month : List.of("2026-08", "2026-09")) {
			for (int i = 0; i < 30; i++) {
				OffsetDateTime at = OffsetDateTime.parse(month + "-01T09:00:00+08:00").plusDays(i % 28);
				ratedAtWindow(place.betterWindow(), at, 5);
				ratedAtWindow(place.worseWindow(), at, i < 20 ? 5 : 1);
			}
		}
		statistics.catchUp();
	}

	@Test
	void units_with_too_few_ratings_are_listed_as_not_enough_data_after_the_ranked_ones() {
		JsonNode r = ranking("kind=REGION&region=" + place.township() + "&period=2026-10");
		assertThat(keys(r.path("ranked"))).containsExactly(village(0), village(1), village(2));
		assertThat(keys(r.path("notEnoughData"))).containsExactly(village(3), village(4));
		JsonNode perfectButSmall = r.path("notEnoughData").get(0);
		assertThat(perfectButSmall.path("evaluations").asLong()).isEqualTo(5);
		assertThat(perfectButSmall.path("good").asLong()).isEqualTo(5);
		assertThat(perfectButSmall.has("rank")).isFalse();
		assertThat(r.path("minimum").asInt()).isEqualTo(30);
		assertThat(r.path("method").path("zh").asString()).contains("威尔逊", "30", "数据不足");
		assertThat(r.path("method").path("en").asString()).contains("Wilson", "30", "not enough data");
	}

	@Test
	void units_with_the_same_score_share_a_rank_and_the_next_rank_skips() {
		JsonNode ranked = ranking("kind=REGION&region=" + place.township() + "&period=2026-10").path("ranked");
		assertThat(ranked).extracting(u -> u.path("rank").asInt()).containsExactly(1, 1, 3);
		assertThat(ranked.get(2).path("share").decimalValue()).isEqualByComparingTo("0.75");
		assertThat(ranked.get(0).path("lowerBound").asDouble())
			.isEqualTo(RankingOrder.six(RankingBound.lower(40, 40, RankingBound.z(0.95))).doubleValue());
	}

	@Test
	void the_adjusted_ranking_names_the_expected_share_and_its_method() {
		JsonNode r = ranking("kind=REGION&region=" + place.township() + "&period=2026-10&adjust=true");
		assertThat(r.path("adjusted").asBoolean()).isTrue();
		assertThat(r.path("overallShare").isNumber()).isTrue();
		assertThat(r.path("ranked")).allMatch(u -> u.path("expected").isNumber());
		assertThat(r.path("method").path("zh").asString()).contains("事项难度");
	}

	@Test
	void a_window_last_in_its_hall_two_months_running_is_flagged() {
		JsonNode windows = ranking("kind=WINDOW&region=" + place.township() + "&period=2026-09");
		assertThat(keys(windows.path("ranked"))).containsExactly(place.betterWindow(), place.worseWindow());
		Http.Reply september = admin.get("/api/v1/rankings/repeated-last?region=" + place.township() + "&month=2026-09");
		assertThat(september.status()).as(september.toString()).isEqualTo(200);
		assertThat(september.json()).extracting(l -> l.path("key").asString()).containsExactly(place.worseWindow());
		assertThat(september.json().get(0).path("kind").asString()).isEqualTo("WINDOW");
		assertThat(september.json().get(0).path("institutionCode").asString()).isEqualTo(place.hall());
		Http.Reply august = admin.get("/api/v1/rankings/repeated-last?region=" + place.township() + "&month=2026-08");
		assertThat(august.json()).as("July had no ranking").isEmpty();
	}

	@Test
	void staff_rankings_show_staff_numbers_and_windows_never_names() {
		Http.Reply reply = admin.get("/api/v1/rankings?kind=STAFF&region=" + hall().region() + "&period=2026-10");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.text()).contains(hall().staffNo()).doesNotContain("王五", "王*");
	}

	@Test
	void a_ranking_of_a_region_outside_the_callers_scope_is_refused() {
		People.Person office = people.office(newTownship());
		Http.Reply foreign = office.api().get("/api/v1/rankings?kind=REGION&region=" + place.township() + "&period=2026-10");
		assertThat(foreign.status()).as(foreign.toString()).isEqualTo(403);
		assertThat(foreign.text()).doesNotContain(village(0));
		People.Person own = people.office(place.township());
		assertThat(own.api().get("/api/v1/rankings?kind=REGION&region=" + place.township() + "&period=2026-10").status())
			.isEqualTo(200);
		People.Person department = people.department(place.township(), place.department());
		assertThat(department.api().get("/api/v1/rankings?kind=DEPARTMENT&period=2026-10").status()).isEqualTo(200);
		assertThat(department.api().get("/api/v1/rankings?kind=WINDOW&period=2026-10").status()).isEqualTo(403);
		assertThat(people.hotline(place.township()).api().get("/api/v1/rankings?period=2026-10").status())
			.isEqualTo(403);
	}

	@Test
	void a_bad_kind_period_or_month_is_a_400_naming_its_field() {
		String base = "/api/v1/rankings?region=" + place.township();
		assertThat(admin.get(base + "&kind=TOWN&period=2026-10").errorFields()).containsExactly("kind");
		assertThat(admin.get(base + "&period=2026-13").status()).isEqualTo(400);
		assertThat(admin.get(base + "&period=2026-13").errorFields()).containsExactly("period");
		assertThat(admin.get(base + "&period=2026-10&adjust=maybe").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/rankings/repeated-last?region=" + place.township() + "&month=10-2026").status())
			.isEqualTo(400);
		assertThat(admin.get("/api/v1/rankings?period=2026-10").errorFields()).as("an administrator names a region")
			.containsExactly("region");
	}

	private JsonNode ranking(String query) {
		Http.Reply reply = admin.get("/api/v1/rankings?" + query);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

	private static List<String> keys(JsonNode units) {
		List<String> keys = new ArrayList<>();
		units.forEach(u -> keys.add(u.path("key").asString()));
		return keys;
	}

	private static String village(int index) {
		return place.villages().get(index);
	}

	private void ratedAtWindow(String window, OffsetDateTime accepted, int level) {
		String caseNo = unique("RKW");
		Map<String, Object> body = new HashMap<>();
		body.put("caseNo", caseNo);
		body.put("itemCode", place.item());
		body.put("departmentCode", place.department());
		body.put("regionCode", place.township());
		body.put("caseType", "ON_THE_SPOT");
		body.put("applyChannel", "WINDOW");
		body.put("applicant", Map.of("type", 1, "name", "李四", "certType", "111", "certNo", "110101199003074512",
				"mobile", randomMobile()));
		body.put("acceptedAt", accepted.toString());
		body.put("services", List.of(Map.of("serviceNo", 1, "name", "受理", "at", accepted.toString(), "windowCode", window)));
		body.put("completedAt", accepted.plusMinutes(30).toString());
		Http.Reply created = admin.post("/api/v1/cases", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Http.Reply rated = rate(level >= 3 ? rating(caseNo, level, "ratedAt", accepted.plusHours(1).toString())
				: rating(caseNo, level, "ratedAt", accepted.plusHours(1).toString(), "comment", "等候时间过长"));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
	}

	private Map<String, Object> exchangeService(String region, String projectNo, OffsetDateTime at) {
		return ExchangeBatches.service(serviceRecord(region, projectNo, 1), place.department(), place.item(), at);
	}

	private static Map<String, Object> exchangeRating(String projectNo, int satisfaction, OffsetDateTime at) {
		return ExchangeBatches.rating(evaluationRecord(projectNo, satisfaction, ""), satisfaction, at);
	}
}
