package org.hcp.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.hcp.privacy.Sm3;
import org.hcp.support.Http;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Quarterly random phone revisits: the draw of a region's sample (domain §9, ADR 0018). */
class RevisitSampleIT extends SupervisionFixtures {

	@Test
	void the_same_region_and_quarter_draw_the_same_sample() {
		String township = newTownship();
		completedCases(township, Q2_DAY, 40);
		JsonNode sample = drawn(township, "2026Q2", List.of());

		Http.Reply verification = admin.get("/api/v1/supervision/samples/" + sample.path("id").asLong() + "/verification");

		assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
		assertThat(verification.json().path("matches").asBoolean()).isTrue();
		assertThat(verification.json().path("populationUnchanged").asBoolean()).isTrue();
		assertThat(verification.json().path("seedFromConfiguredSalt").asBoolean()).isTrue();
		List<String> redrawn = new ArrayList<>();
		verification.json().path("redrawn").forEach(c -> redrawn.add(c.asString()));
		assertThat(redrawn).isEqualTo(caseNos(sample)).hasSize(10);
		byte[] seed = Sm3.digest(("hcp-revisit-v1|hcp-quarterly-revisit|" + township + "|2026Q2")
			.getBytes(StandardCharsets.UTF_8));
		assertThat(sample.path("seed").asString()).isEqualTo(HexFormat.of().formatHex(seed));
		assertThat(sample.path("method").asString()).isEqualTo("HMAC-SM3-RANK-V1");
	}

	@Test
	void a_different_quarter_draws_another_sample() {
		String township = newTownship();
		List<String> q2 = completedCases(township, Q2_DAY, 15);
		List<String> q3 = completedCases(township, Q3_DAY, 15);

		JsonNode second = drawn(township, "2026Q2", List.of());
		JsonNode third = drawn(township, "2026Q3", List.of());

		assertThat(caseNos(second)).hasSize(10).allMatch(q2::contains);
		assertThat(caseNos(third)).hasSize(10).allMatch(q3::contains);
		assertThat(third.path("seed").asString()).isNotEqualTo(second.path("seed").asString());
	}

	@Test
	void the_sample_size_follows_the_configuration() {
		String many = newTownship();
		completedCases(many, Q2_DAY, 30);
		String few = newTownship();
		completedCases(few, Q2_DAY, 4);

		JsonNode ofMany = drawn(many, "2026Q2", List.of());
		JsonNode ofFew = drawn(few, "2026Q2", List.of());

		assertThat(ofMany.path("population").asInt()).isEqualTo(30);
		assertThat(ofMany.path("randomPicks").asInt()).as("5 %% of 30 is 2, below the minimum of 10").isEqualTo(10);
		assertThat(ofMany.path("samplePercent").asInt()).isEqualTo(5);
		assertThat(ofMany.path("sampleMin").asInt()).isEqualTo(10);
		assertThat(ofMany.path("sampleMax").asInt()).isEqualTo(300);
		assertThat(ofFew.path("randomPicks").asInt()).as("fewer cases than the minimum: all").isEqualTo(4);
	}

	@Test
	void targeted_items_are_included() {
		String township = newTownship();
		completedCases(township, Q2_DAY, 30);
		String newPolicy = newItem(hall().department());
		List<String> ofNewPolicy = completedCases(township, Q2_DAY, 3, newPolicy);

		JsonNode sample = drawn(township, "2026Q2", List.of(newPolicy));

		assertThat(caseNos(sample)).containsAll(ofNewPolicy).doesNotHaveDuplicates();
		assertThat(sample.path("targetedItems").get(0).asString()).isEqualTo(newPolicy);
		long randomOfItem = 0;
		for (JsonNode c : sample.path("cases")) {
			if (c.path("pick").asString().equals("RANDOM") && ofNewPolicy.contains(c.path("caseNo").asString())) {
				randomOfItem++;
			}
		}
		assertThat(sample.path("randomPicks").asInt()).isEqualTo(10);
		assertThat(sample.path("targetedPicks").asLong()).isEqualTo(3 - randomOfItem);
	}

	@Test
	void an_unknown_targeted_item_is_refused_and_nothing_stored() {
		String township = newTownship();
		completedCases(township, Q2_DAY, 3);
		Http.Reply reply = draw(admin, township, "2026Q2", List.of("NO-SUCH-ITEM"));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("targetedItems[0]");
		assertThat(count("select count(*) from sup_sample where region_code = :r", "r", township)).isZero();
	}

	@Test
	void a_redraw_is_refused() {
		String township = newTownship();
		completedCases(township, Q2_DAY, 12);
		JsonNode first = drawn(township, "2026Q2", List.of());
		long tasks = count("select count(*) from sup_call_task where sample_id = :s", "s", first.path("id").asLong());

		Http.Reply again = draw(admin, township, "2026Q2", List.of(hall().item()));

		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.json().path("code").asString()).isEqualTo("SAMPLE_ALREADY_DRAWN");
		assertThat(count("select count(*) from sup_sample where region_code = :r", "r", township)).isEqualTo(1);
		assertThat(count("select count(*) from sup_call_task where region_code = :r", "r", township)).isEqualTo(tasks);
	}

	@Test
	void only_completed_cases_of_the_quarter_and_region_are_drawn() {
		String township = newTownship();
		String village = township.substring(0, 9) + "001";
		List<String> inQuarter = new ArrayList<>(completedCases(township, Q2_DAY, 3));
		inQuarter.addAll(completedCases(village, Q2_DAY, 2));
		completedCases(township, Q3_DAY, 2);
		completedCases(township, "2026-03-31", 1);
		completedCases(newTownship(), Q2_DAY, 2);
		openCases(township, Q2_DAY, 2);

		JsonNode sample = drawn(township, "2026Q2", List.of());

		assertThat(sample.path("population").asInt()).isEqualTo(5);
		assertThat(caseNos(sample)).containsExactlyInAnyOrderElementsOf(inQuarter);
	}

	@Test
	void the_first_and_last_second_of_the_quarter_in_china_count() {
		String township = newTownship();
		String first = completedAt(township, "2026-04-01 00:00:00");
		String last = completedAt(township, "2026-06-30 23:59:59");
		completedAt(township, "2026-07-01 00:00:00");
		completedAt(township, "2026-03-31 23:59:59");

		JsonNode sample = drawn(township, "2026Q2", List.of());

		assertThat(caseNos(sample)).containsExactlyInAnyOrder(first, last);
	}

	@Test
	void a_quarter_that_has_not_ended_is_not_drawn() {
		String township = newTownship();
		Http.Reply reply = draw(admin, township, "2026Q4", List.of());
		assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
		assertThat(reply.json().path("code").asString()).isEqualTo("QUARTER_NOT_ENDED");
	}

	@Test
	void every_drawn_case_gets_an_open_call_task_showing_the_number_masked() {
		String township = newTownship();
		completedCases(township, Q2_DAY, 3);
		JsonNode sample = drawn(township, "2026Q2", List.of());

		for (JsonNode c : sample.path("cases")) {
			JsonNode call = admin.get("/api/v1/supervision/calls/" + c.path("callTaskId").asLong()).json();
			assertThat(call.path("state").asString()).isEqualTo("OPEN");
			assertThat(call.path("caseNo").asString()).isEqualTo(c.path("caseNo").asString());
			assertThat(call.path("mobile").asString()).matches("139\\*{4}\\d{4}");
			assertThat(call.path("applicantName").asString()).isEqualTo("张*");
		}
		assertThat(count("select count(*) from sup_audit where subject = 'SAMPLE' and subject_id = :s and action = 'draw'",
				"s", sample.path("id").asLong())).isEqualTo(1);
	}

	private String completedAt(String region, String time) {
		String caseNo = unique("SUP");
		var r = serviceRecord(region, caseNo, 1);
		r.put("acceptDate", time);
		r.put("serviceTime", time);
		r.put("resultDate", time);
		Http.Reply reply = admin.post("/api/exchange/v1/services", r);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return caseNo;
	}
}
