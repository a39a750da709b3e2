package org.hcp.supervision;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

import org.hcp.cases.CompletedCase;
import org.hcp.privacy.Sm3;
import org.hcp.shared.RegionCode;

/**
 * The drawing method of a quarterly random revisit sample (ADR 0018), reproducible by anyone who holds the salt and
 * the list of completed case numbers:
 * <ol>
 * <li>seed = SM3 of the UTF-8 text {@code hcp-revisit-v1|<salt>|<12-digit region>|<quarter>};</li>
 * <li>each case's rank key = HMAC-SM3(seed, its case number in UTF-8); cases are ranked by the key as an unsigned
 * number, smallest first;</li>
 * <li>the random picks are the first {@link SampleSize#of(int)} cases of that ranking;</li>
 * <li>then, for each targeted service item in code order, the first {@code perTargetedItem} of its cases in the
 * same ranking that were not picked yet.</li>
 * </ol>
 * The ranking of a case depends on nothing but the seed and its own number, so the order the cases are read in does
 * not matter and a case reported late cannot move any other.
 */
final class RevisitDraw {

	static final String METHOD = "HMAC-SM3-RANK-V1";

	private static final Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;

	private RevisitDraw() {
	}

	enum PickKind {
		RANDOM, TARGETED
	}

	/** One drawn case: how it was picked, its place in the sample (1 = first) and its rank key. */
	record Pick(CompletedCase c, PickKind kind, int rank, byte[] rankKey) {

		String rankKeyHex() {
			return HexFormat.of().formatHex(rankKey);
		}
	}

	/** What was drawn and what an auditor needs to redraw it. */
	record Result(byte[] seed, byte[] populationDigest, int population, List<Pick> picks) {

		long randomPicks() {
			return picks.stream().filter(p -> p.kind() == PickKind.RANDOM).count();
		}

		long targetedPicks() {
			return picks.size() - randomPicks();
		}
	}

	static byte[] seed(String salt, RegionCode region, Quarter quarter) {
		return Sm3.digest(("hcp-revisit-v1|" + salt + "|" + region.value() + "|" + quarter).getBytes(StandardCharsets.UTF_8));
	}

	static byte[] rankKey(byte[] seed, String caseNo) {
		return Sm3.hmac(seed, caseNo.getBytes(StandardCharsets.UTF_8));
	}

	static Result draw(byte[] seed, List<CompletedCase> population, SampleSize size, SortedSet<String> targetedItems,
			int perTargetedItem) {
		record Ranked(CompletedCase c, byte[] key) {
		}
		List<Ranked> ranking = new ArrayList<>(population.stream().map(c -> new Ranked(c, rankKey(seed, c.caseNo()))).toList());
		ranking.sort(Comparator.comparing(Ranked::key, UNSIGNED).thenComparing(r -> r.c().caseNo()));
		List<Pick> picks = new ArrayList<>();
		Set<Long> picked = new HashSet<>();
		int randomSize = size.of(population.size());
		for (Ranked r : ranking.subList(0, randomSize)) {
			picks.add(new Pick(r.c(), PickKind.RANDOM, picks.size() + 1, r.key()));
			picked.add(r.c().id());
		}
		for (String item : targetedItems) {
			int taken = 0;
			for (Ranked r : ranking) {
				if (taken == perTargetedItem) {
					break;
				}
				if (item.equals(r.c().itemCode()) && picked.add(r.c().id())) {
					picks.add(new Pick(r.c(), PickKind.TARGETED, picks.size() + 1, r.key()));
					taken++;
				}
			}
		}
		return new Result(seed, populationDigest(population), population.size(), List.copyOf(picks));
	}

	/** SM3 of the population's case numbers, sorted, one per line (no line break after the last). */
	static byte[] populationDigest(List<CompletedCase> population) {
		String lines = String.join("\n", population.stream().map(CompletedCase::caseNo).sorted().toList());
		return Sm3.digest(lines.getBytes(StandardCharsets.UTF_8));
	}
}
