package org.hcp.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.hcp.cases.Cases;
import org.hcp.cases.CompletedCase;
import org.hcp.catalog.Catalog;
import org.hcp.privacy.Masks;
import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.security.Role;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drawing the quarterly random phone revisit sample of a region (随机回访抽样, domain §9): once per region and
 * quarter, after the quarter ended, by the method of {@link RevisitDraw}; each drawn case gets an open call task.
 * Offices and third-party assessors draw; 12345 operators may read. Scoped by {@link RegionScope}.
 */
@Service
class RevisitSamples {

	static final int MAX_TARGETED_ITEMS = 50;

	private final Cases cases;
	private final Catalog catalog;
	private final SampleStore samples;
	private final CallTaskStore tasks;
	private final SupervisionAudit audit;
	private final SupervisionProperties properties;
	private final Clock clock;

	RevisitSamples(Cases cases, Catalog catalog, SampleStore samples, CallTaskStore tasks, SupervisionAudit audit,
			SupervisionProperties properties, Clock clock) {
		this.cases = cases;
		this.catalog = catalog;
		this.samples = samples;
		this.tasks = tasks;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** What a draw asks for: a region, a quarter, and service items to pick on purpose. */
	record DrawRequest(String regionCode, String quarter, List<String> targetedItems) {
	}

	/** What an auditor's redraw found: the same cases in the same order, and whether the population changed. */
	record Verification(long sampleId, boolean matches, boolean seedFromConfiguredSalt, boolean populationUnchanged,
			int populationNow, List<String> drawn, List<String> redrawn) {
	}

	@Transactional
	SampleView draw(DrawRequest request) {
		Caller.requireAny(Role.OFFICE, Role.ASSESSOR);
		List<FieldProblem> problems = new ArrayList<>();
		RegionCode region = attempt(problems, () -> RegionCode.parse("regionCode", request.regionCode()));
		Quarter quarter = attempt(problems, () -> Quarter.parse("quarter", request.quarter()));
		SortedSet<String> targeted = targetedItems(request.targetedItems(), problems);
		if (region != null && !catalog.regionExists(region)) {
			problems.add(FieldProblem.of("regionCode", "行政区划不存在：" + region, "No region " + region));
		}
		if (!problems.isEmpty()) {
			throw HcpException.invalid("INVALID_DRAW", problems);
		}
		RegionScope.current().require("regionCode", region);
		Instant now = clock.instant();
		if (now.isBefore(quarter.end())) {
			throw HcpException.invalid("quarter", "QUARTER_NOT_ENDED", quarter + " 尚未结束，季度结束后才能抽样",
					quarter + " has not ended; its sample is drawn once the quarter is over");
		}
		if (samples.find(region, quarter).isPresent()) {
			throw alreadyDrawn(region, quarter);
		}
		List<CompletedCase> population = cases.completedIn(region, quarter.start(), quarter.end());
		if (population.isEmpty()) {
			throw HcpException.invalid("quarter", "NO_COMPLETED_CASES", region + " 在 " + quarter + " 没有办结的办件",
					"No case was completed in " + region + " during " + quarter);
		}
		SupervisionProperties.Sample size = properties.sample();
		RevisitDraw.Result result = RevisitDraw.draw(RevisitDraw.seed(size.salt(), region, quarter), population,
				size.size(), targeted, size.perTargetedItem());
		Caller caller = Caller.current().orElse(null);
		long id = samples.insert(region, quarter, size, List.copyOf(targeted), result, caller, now)
			.orElseThrow(() -> alreadyDrawn(region, quarter));
		samples.insertCases(id, result.picks());
		tasks.insertAll(id, quarter, result.picks(), maskedMobiles(result.picks()), now);
		audit.record(SupervisionAudit.Subject.SAMPLE, id, region, "draw", "quarter " + quarter + ", population "
				+ result.population() + ", random " + result.randomPicks() + ", targeted " + result.targetedPicks()
				+ (targeted.isEmpty() ? "" : " of " + targeted), now);
		return samples.find(id).orElseThrow();
	}

	SampleView find(long id) {
		Caller.requireAny(Role.OFFICE, Role.ASSESSOR, Role.HOTLINE);
		SampleView sample = samples.find(id).orElseThrow(() -> unknown(id));
		RegionScope.current().require("id", new RegionCode(sample.regionCode()));
		return sample;
	}

	Paging.Page<SampleView> list(String regionCode, String quarter, Paging paging) {
		Caller.requireAny(Role.OFFICE, Role.ASSESSOR, Role.HOTLINE);
		Quarter q = quarter == null || quarter.isBlank() ? null : Quarter.parse("quarter", quarter);
		return samples.list(ScopedRegion.prefix(regionCode), q, paging);
	}

	/**
	 * Draws the sample again from today's population with the stored seed and sizes, and compares: what an auditor
	 * does by hand with the salt and the case list (ADR 0018).
	 */
	Verification verify(long id) {
		SampleView sample = find(id);
		RegionCode region = new RegionCode(sample.regionCode());
		Quarter quarter = Quarter.parse("quarter", sample.quarter());
		byte[] seed = HexFormat.of().parseHex(sample.seed());
		List<CompletedCase> population = cases.completedIn(region, quarter.start(), quarter.end());
		RevisitDraw.Result again = RevisitDraw.draw(seed, population,
				new SampleSize(sample.samplePercent(), sample.sampleMin(), sample.sampleMax()),
				new TreeSet<>(sample.targetedItems()), sample.perTargetedItem());
		List<String> drawn = sample.cases().stream().map(SampleView.SampledCase::caseNo).toList();
		List<String> redrawn = again.picks().stream().map(p -> p.c().caseNo()).toList();
		boolean saltMatches = java.util.Arrays.equals(seed, RevisitDraw.seed(properties.sample().salt(), region, quarter));
		return new Verification(id, drawn.equals(redrawn), saltMatches,
				HexFormat.of().formatHex(again.populationDigest()).equals(sample.populationDigest()), again.population(),
				drawn, redrawn);
	}

	private SortedSet<String> targetedItems(List<String> items, List<FieldProblem> problems) {
		SortedSet<String> codes = new TreeSet<>();
		if (items == null) {
			return codes;
		}
		if (items.size() > MAX_TARGETED_ITEMS) {
			problems.add(FieldProblem.of("targetedItems", "定向抽样事项最多 " + MAX_TARGETED_ITEMS + " 个",
					"at most " + MAX_TARGETED_ITEMS + " targeted items"));
			return codes;
		}
		for (int i = 0; i < items.size(); i++) {
			String code = items.get(i) == null ? "" : items.get(i).trim();
			String field = "targetedItems[" + i + "]";
			if (code.isEmpty() || code.length() > 33) {
				problems.add(FieldProblem.of(field, "事项编码应为1到33个字符", "an item code has 1 to 33 characters"));
			}
			else if (catalog.item(code).isEmpty()) {
				problems.add(FieldProblem.of(field, "事项不存在：" + code, "No service item " + code));
			}
			else {
				codes.add(code);
			}
		}
		return codes;
	}

	/** The rater's number as lists show it, decrypted once here and never stored in full. */
	private List<String> maskedMobiles(List<RevisitDraw.Pick> picks) {
		return picks.stream()
			.map(p -> cases.applicantMobile(p.c().id()).map(m -> Masks.mobile(m.value())).orElse(null))
			.toList();
	}

	private static HcpException alreadyDrawn(RegionCode region, Quarter quarter) {
		return HcpException.conflict("quarter", "SAMPLE_ALREADY_DRAWN", region + " 的 " + quarter + " 回访样本已抽取，不能重抽",
				"The revisit sample of " + region + " for " + quarter + " was drawn already; it is not drawn again");
	}

	static HcpException unknown(long id) {
		return HcpException.notFound("id", "UNKNOWN_SAMPLE", "回访样本不存在：" + id, "No revisit sample " + id);
	}

	static <T> T attempt(List<FieldProblem> problems, java.util.function.Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (HcpException e) {
			problems.addAll(e.fields());
			return null;
		}
	}
}
