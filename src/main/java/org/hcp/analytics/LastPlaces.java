package org.hcp.analytics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Repeated last places 连续末位 (issue 8 §2, ADR 0027): a window — and a staff member — ranked last among the ranked
 * units of its own hall in a month and in the month before. Compared within the hall, because the windows of one hall
 * serve the same public and the hall's office acts on the flag. A hall with fewer than two ranked units, or whose
 * ranked units all share one score, has no last place. Ranked as the plain (unadjusted) ranking ranks. Derived on
 * demand from the rollups, never stored: the figures of a month can still change by a late appeal, and the flag
 * follows them.
 */
@Component
class LastPlaces {

	private record HallUnit(String institution, String institutionName, RankingOrder.Counts counts) {
	}

	private final JdbcClient jdbc;
	private final AnalyticsProperties.Ranking properties;

	LastPlaces(JdbcClient jdbc, AnalyticsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties.ranking();
	}

	List<LastPlace> of(RegionCode region, YearMonth month) {
		List<LastPlace> flagged = new ArrayList<>();
		for (RankingKind kind : List.of(RankingKind.WINDOW, RankingKind.STAFF)) {
			Map<String, RankingOrder.Counts> before = last(units(kind, region, Period.month(month.minusMonths(1))));
			for (Map.Entry<String, HallUnit> now : lastWithHall(units(kind, region, Period.month(month))).entrySet()) {
				RankingOrder.Counts earlier = before.get(now.getKey());
				if (earlier != null) {
					HallUnit u = now.getValue();
					flagged.add(new LastPlace(kind, u.counts().key(), u.counts().detail(), u.institution(),
							u.institutionName(), month, u.counts().evaluations(), u.counts().good(),
							earlier.evaluations(), earlier.good()));
				}
			}
		}
		return flagged;
	}

	private Map<String, RankingOrder.Counts> last(List<HallUnit> units) {
		Map<String, RankingOrder.Counts> last = new HashMap<>();
		lastWithHall(units).forEach((key, unit) -> last.put(key, unit.counts()));
		return last;
	}

	/** The last-placed units of every hall, by key. */
	private Map<String, HallUnit> lastWithHall(List<HallUnit> units) {
		Map<String, List<HallUnit>> byHall = new LinkedHashMap<>();
		units.forEach(u -> byHall.computeIfAbsent(u.institution(), k -> new ArrayList<>()).add(u));
		Map<String, HallUnit> last = new LinkedHashMap<>();
		double z = RankingBound.z(properties.confidence());
		for (List<HallUnit> hall : byHall.values()) {
			List<RankedUnit> ranked = RankingOrder.rank(hall.stream().map(HallUnit::counts).toList(),
					properties.minimum(), z, false, 0).ranked();
			if (ranked.size() < 2) {
				continue;
			}
			int lastRank = ranked.get(ranked.size() - 1).rank();
			if (lastRank == 1) {
				continue;
			}
			ranked.stream().filter(r -> r.rank() == lastRank).forEach(r -> hall.stream()
				.filter(h -> h.counts().key().equals(r.key()))
				.forEach(h -> last.put(r.key(), h)));
		}
		return last;
	}

	private List<HallUnit> units(RankingKind kind, RegionCode region, Period period) {
		String sql = kind == RankingKind.WINDOW ? """
				select u.code as key, null as detail, i.code as hall, i.name as hall_name, %s
				from cat_window u join cat_institution i on i.code = u.institution_code
				left join ana_rating_rollup x on x.dim = 'W' and x.key = u.code %s
				where i.region_code like :prefix group by u.code, i.code, i.name""" : """
				select u.staff_no as key, u.window_code as detail, i.code as hall, i.name as hall_name, %s
				from cat_staff u join cat_institution i on i.code = u.institution_code
				left join ana_rating_rollup x on x.dim = 'S' and x.key = u.staff_no %s
				where i.region_code like :prefix group by u.staff_no, u.window_code, i.code, i.name""";
		return jdbc.sql(sql.formatted(
				"coalesce(sum(x.n), 0) as n, coalesce(sum(x.n) filter (where x.level >= 3), 0) as good",
				"and x.day >= :from and x.day < :to"))
			.param("prefix", region.prefix() + "%")
			.param("from", period.from())
			.param("to", period.to())
			.query((rs, i) -> new HallUnit(rs.getString("hall"), rs.getString("hall_name"),
					new RankingOrder.Counts(rs.getString("key"), rs.getString("key"), rs.getString("detail"),
							rs.getLong("n"), rs.getLong("good"), null)))
			.list();
	}
}
