package org.hcp.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.hcp.cases.CompletedCase;
import org.hcp.privacy.Sm3;
import org.hcp.shared.RegionCode;
import org.junit.jupiter.api.Test;

/** The drawing method of ADR 0018, on its own: seeded, reproducible, sized by the configuration, with targeted picks. */
class RevisitDrawTest {

	private static final RegionCode COUNTY = new RegionCode("980101000000");
	private static final Quarter Q3 = new Quarter(2026, 3);
	private static final SampleSize FIVE_PERCENT = new SampleSize(5, 10, 300);

	@Test
	void the_same_region_and_quarter_draw_the_same_sample() {
		List<CompletedCase> population = population(400, "ITEM-A");
		List<CompletedCase> shuffled = new ArrayList<>(population);
		Collections.shuffle(shuffled, new Random(7));
		byte[] seed = RevisitDraw.seed("salt", COUNTY, Q3);

		RevisitDraw.Result first = RevisitDraw.draw(seed, population, FIVE_PERCENT, new TreeSet<>(), 10);
		RevisitDraw.Result second = RevisitDraw.draw(RevisitDraw.seed("salt", COUNTY, Q3), shuffled, FIVE_PERCENT,
				new TreeSet<>(), 10);

		assertThat(caseNos(second)).as("the order the cases are read in does not matter").isEqualTo(caseNos(first));
		assertThat(second.populationDigest()).isEqualTo(first.populationDigest());
	}

	@Test
	void a_different_quarter_draws_another_sample() {
		List<CompletedCase> population = population(400, "ITEM-A");
		RevisitDraw.Result q3 = RevisitDraw.draw(RevisitDraw.seed("salt", COUNTY, Q3), population, FIVE_PERCENT,
				new TreeSet<>(), 10);
		RevisitDraw.Result q4 = RevisitDraw.draw(RevisitDraw.seed("salt", COUNTY, new Quarter(2026, 4)), population,
				FIVE_PERCENT, new TreeSet<>(), 10);
		RevisitDraw.Result otherRegion = RevisitDraw.draw(RevisitDraw.seed("salt", new RegionCode("980102000000"), Q3),
				population, FIVE_PERCENT, new TreeSet<>(), 10);
		RevisitDraw.Result otherSalt = RevisitDraw.draw(RevisitDraw.seed("pepper", COUNTY, Q3), population,
				FIVE_PERCENT, new TreeSet<>(), 10);

		assertThat(caseNos(q4)).hasSameSizeAs(caseNos(q3)).isNotEqualTo(caseNos(q3));
		assertThat(caseNos(otherRegion)).isNotEqualTo(caseNos(q3));
		assertThat(caseNos(otherSalt)).isNotEqualTo(caseNos(q3));
	}

	@Test
	void the_seed_is_the_sm3_of_method_salt_region_and_quarter_so_an_auditor_can_recompute_it() {
		byte[] expected = Sm3.digest("hcp-revisit-v1|salt|980101000000|2026Q3".getBytes(StandardCharsets.UTF_8));
		assertThat(RevisitDraw.seed("salt", COUNTY, Q3)).isEqualTo(expected);
		byte[] rank = RevisitDraw.rankKey(expected, "CASE-1");
		assertThat(HexFormat.of().formatHex(rank)).isEqualTo(HexFormat.of().formatHex(Sm3.hmac(expected,
				"CASE-1".getBytes(StandardCharsets.UTF_8))));
	}

	@Test
	void seed_and_rank_key_match_an_independent_sm3_implementation() {
		// computed with Python's hashlib/hmac over OpenSSL 3 ('sm3'), as ADR 0018 shows an auditor
		byte[] seed = RevisitDraw.seed("salt", COUNTY, Q3);
		assertThat(HexFormat.of().formatHex(seed))
			.isEqualTo("919b23267ac73753268f04ac8e02cd60b85898f35909bb4daceebaa3b49593dd");
		assertThat(HexFormat.of().formatHex(RevisitDraw.rankKey(seed, "CASE-1")))
			.isEqualTo("d7a4ff7a6a5680df5c837909324624a7faccacda8496d9749b2964009eab2e95");
	}

	@Test
	void the_random_picks_are_the_smallest_rank_keys() {
		List<CompletedCase> population = population(200, "ITEM-A");
		byte[] seed = RevisitDraw.seed("salt", COUNTY, Q3);
		RevisitDraw.Result result = RevisitDraw.draw(seed, population, FIVE_PERCENT, new TreeSet<>(), 10);
		List<String> byKey = population.stream()
			.sorted((a, b) -> java.util.Arrays.compareUnsigned(RevisitDraw.rankKey(seed, a.caseNo()),
					RevisitDraw.rankKey(seed, b.caseNo())))
			.map(CompletedCase::caseNo)
			.limit(10)
			.toList();
		assertThat(caseNos(result)).isEqualTo(byKey);
		assertThat(result.picks()).extracting(RevisitDraw.Pick::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
	}

	@Test
	void the_sample_size_follows_the_configured_share_minimum_and_maximum() {
		byte[] seed = RevisitDraw.seed("salt", COUNTY, Q3);
		assertThat(RevisitDraw.draw(seed, population(400, "I"), FIVE_PERCENT, new TreeSet<>(), 0).picks())
			.as("5 %% of 400").hasSize(20);
		assertThat(RevisitDraw.draw(seed, population(100, "I"), FIVE_PERCENT, new TreeSet<>(), 0).picks())
			.as("5 %% of 100 is below the minimum of 10").hasSize(10);
		assertThat(RevisitDraw.draw(seed, population(7, "I"), FIVE_PERCENT, new TreeSet<>(), 0).picks())
			.as("fewer cases than the minimum: all of them").hasSize(7);
		assertThat(RevisitDraw.draw(seed, population(400, "I"), new SampleSize(50, 10, 30), new TreeSet<>(), 0).picks())
			.as("50 %% of 400 is above the maximum of 30").hasSize(30);
	}

	@Test
	void targeted_items_are_included_on_top_of_the_random_picks() {
		List<CompletedCase> population = new ArrayList<>(population(300, "ITEM-A"));
		population.addAll(population(12, "NEW-POLICY", 1000));
		byte[] seed = RevisitDraw.seed("salt", COUNTY, Q3);
		RevisitDraw.Result result = RevisitDraw.draw(seed, population, FIVE_PERCENT, new TreeSet<>(List.of("NEW-POLICY")),
				5);

		long randomOfItem = result.picks().stream()
			.filter(p -> p.kind() == RevisitDraw.PickKind.RANDOM && p.c().itemCode().equals("NEW-POLICY"))
			.count();
		assertThat(result.randomPicks()).isEqualTo(16);
		assertThat(result.targetedPicks()).isEqualTo(5);
		assertThat(result.picks().subList(16, 21)).allMatch(p -> p.kind() == RevisitDraw.PickKind.TARGETED
				&& p.c().itemCode().equals("NEW-POLICY"));
		assertThat(result.picks().stream().filter(p -> p.c().itemCode().equals("NEW-POLICY")).count())
			.isEqualTo(randomOfItem + 5);
		assertThat(result.picks()).extracting(p -> p.c().caseNo()).doesNotHaveDuplicates();
	}

	@Test
	void a_targeted_item_with_fewer_cases_than_asked_gives_all_of_them_once() {
		List<CompletedCase> population = new ArrayList<>(population(10, "ITEM-A"));
		population.addAll(population(3, "RARE", 500));
		RevisitDraw.Result result = RevisitDraw.draw(RevisitDraw.seed("s", COUNTY, Q3), population,
				new SampleSize(0, 0, 0), new TreeSet<>(List.of("RARE", "UNSEEN")), 10);
		assertThat(result.picks()).hasSize(3).allMatch(p -> p.c().itemCode().equals("RARE"));
	}

	private static List<String> caseNos(RevisitDraw.Result result) {
		return result.picks().stream().map(p -> p.c().caseNo()).toList();
	}

	private static List<CompletedCase> population(int n, String item) {
		return population(n, item, 0);
	}

	private static List<CompletedCase> population(int n, String item, int offset) {
		List<CompletedCase> cases = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			cases.add(new CompletedCase(offset + i + 1, "CASE-" + item + "-" + (offset + i), item, "DEPT", COUNTY,
					Instant.parse("2026-08-01T02:00:00Z"), "张*"));
		}
		return cases;
	}
}
