package org.hcp.analytics;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.security.Role;
import org.hcp.shared.Bilingual;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Fair rankings 客观分析 (issue 8 §2, ADR 0027): units of one kind in a region for a period, ordered by the Wilson lower
 * bound of their good share, optionally against the share their own item mix predicts; units with too few ratings
 * listed unranked; and the windows and staff last in their hall two months running. Offices, departments (regions and
 * departments only) and platforms of the region may ask; the answer is cached a few minutes per question.
 */
@Service
public class Rankings {

	static final Duration CACHED = Duration.ofMinutes(3);

	private record Question(RankingKind kind, RegionCode region, Period period, boolean adjust) {
	}

	private final RankingCounts counts;
	private final Statistics statistics;
	private final AnalyticsProperties.Ranking properties;
	private final LastPlaces lastPlaces;
	private final RankingMethod method;
	private final Cache<Question, Ranking> cache = Caffeine.newBuilder().expireAfterWrite(CACHED).maximumSize(2_000)
		.build();

	Rankings(RankingCounts counts, Statistics statistics, AnalyticsProperties properties, LastPlaces lastPlaces,
			RankingMethod method) {
		this.method = method;
		this.counts = counts;
		this.statistics = statistics;
		this.properties = properties.ranking();
		this.lastPlaces = lastPlaces;
	}

	/** The ranking of units of {@code kind} in {@code region} for {@code period}; 403 outside the caller's scope. */
	public Ranking rank(RankingKind kind, RegionCode region, Period period, boolean adjust) {
		allow(kind, region);
		return cache.get(new Question(kind, region, period, adjust), q -> compute(q.kind(), q.region(), q.period(),
				q.adjust()));
	}

	/** The windows and staff of halls in the region ranked last in their hall in {@code month} and the month before. */
	public List<LastPlace> repeatedLast(RegionCode region, YearMonth month) {
		allow(RankingKind.WINDOW, region);
		return lastPlaces.of(region, month);
	}

	/** The text of the method, shown with every ranking (screen, report, API). */
	public Bilingual method(boolean adjust) {
		return method.text(properties.minimum(), properties.confidence(), adjust);
	}

	/** The ranking without scope or role checks, for the report and the dashboard of a region already checked. */
	Ranking compute(RankingKind kind, RegionCode region, Period period, boolean adjust) {
		List<RankingOrder.Counts> units = counts.units(kind, region, period);
		double overall = 0;
		if (adjust) {
			RankingCounts.ItemMix mix = counts.itemMix(kind, region, period);
			overall = mix.overallShare();
			units = units.stream().map(u -> withExpected(u, mix)).toList();
		}
		RankingOrder.Result result = RankingOrder.rank(units, properties.minimum(), RankingBound.z(properties.confidence()),
				adjust, overall);
		return new Ranking(kind, region.value(), counts.regionName(region), period, adjust, properties.minimum(),
				properties.confidence(), adjust ? RankingOrder.six(overall) : null, result.ranked(),
				result.notEnoughData(), method(adjust), statistics.asOf());
	}

	private static RankingOrder.Counts withExpected(RankingOrder.Counts u, RankingCounts.ItemMix mix) {
		Map<String, long[]> items = mix.byUnit().getOrDefault(u.key(), Map.of());
		double expectedGood = 0;
		long n = 0;
		for (Map.Entry<String, long[]> item : items.entrySet()) {
			long ratings = item.getValue()[0];
			expectedGood += ratings * mix.shareByItem().getOrDefault(item.getKey(), mix.overallShare());
			n += ratings;
		}
		Double expected = n == 0 ? null : expectedGood / n;
		return new RankingOrder.Counts(u.key(), u.name(), u.detail(), u.evaluations(), u.good(), expected);
	}

	private static void allow(RankingKind kind, RegionCode region) {
		Caller.requireAny(Role.OFFICE, Role.DEPARTMENT, Role.PLATFORM);
		RegionScope.current().require("region", region);
		boolean departmentOnly = Caller.current()
			.filter(c -> c.has(Role.DEPARTMENT) && !c.has(Role.OFFICE) && !c.has(Role.PLATFORM) && !c.has(Role.ADMIN))
			.isPresent();
		if (departmentOnly && (kind == RankingKind.WINDOW || kind == RankingKind.STAFF)) {
			throw new HcpException(HttpStatus.FORBIDDEN, "RANKING_KIND_NOT_ALLOWED",
					Bilingual.of("部门账号只能查看地区和部门排名", "a department account sees rankings of regions and departments only"),
					List.of(FieldProblem.of("kind", "部门账号只能查看地区和部门排名",
							"a department account sees rankings of regions and departments only")));
		}
	}
}
