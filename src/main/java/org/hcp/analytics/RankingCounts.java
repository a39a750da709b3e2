package org.hcp.analytics;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The counts a ranking is made of (ADR 0027): counted ratings and good ones per unit, summed over the days of the
 * period from {@code ana_rating_rollup} (exclusions already applied there), with every unit of the catalog in scope
 * listed even without ratings; and, for the item-mix adjustment, the unit × item counts from {@code evl_counted} (one
 * GROUP BY) and the installation's good share per item from the item rollup.
 */
@Component
class RankingCounts {

	/** A unit's counts by item, and the item's installation-wide good share. */
	record ItemMix(Map<String, Map<String, long[]>> byUnit, Map<String, Double> shareByItem, double overallShare) {
	}

	private final JdbcClient jdbc;

	RankingCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<RankingOrder.Counts> units(RankingKind kind, RegionCode region, Period period) {
		String sql = switch (kind) {
			case REGION -> """
					select u.code as key, u.name as name, null as detail, %s
					from cat_region u left join ana_rating_rollup x on x.dim = 'R' and x.key = u.code::text %s
					where u.parent_code = :region group by u.code, u.name""";
			case DEPARTMENT -> """
					select u.code as key, u.name as name, null as detail, %s
					from cat_department u left join ana_rating_rollup x on x.dim = 'D' and x.key = u.code %s
					where u.region_code like :prefix group by u.code, u.name""";
			case WINDOW -> """
					select u.code as key, u.name as name, i.name as detail, %s
					from cat_window u join cat_institution i on i.code = u.institution_code
					left join ana_rating_rollup x on x.dim = 'W' and x.key = u.code %s
					where i.region_code like :prefix group by u.code, u.name, i.name""";
			case STAFF -> """
					select u.staff_no as key, u.staff_no as name, u.window_code as detail, %s
					from cat_staff u join cat_institution i on i.code = u.institution_code
					left join ana_rating_rollup x on x.dim = 'S' and x.key = u.staff_no %s
					where i.region_code like :prefix group by u.staff_no, u.window_code, u.active
					having u.active or coalesce(sum(x.n), 0) > 0""";
		};
		String counted = "coalesce(sum(x.n), 0) as n, coalesce(sum(x.n) filter (where x.level >= 3), 0) as good";
		String days = "and x.day >= :from and x.day < :to";
		return jdbc.sql(sql.formatted(counted, days))
			.param("region", region.value())
			.param("prefix", region.prefix() + "%")
			.param("from", period.from())
			.param("to", period.to())
			.query((rs, i) -> new RankingOrder.Counts(rs.getString("key").trim(), rs.getString("name"),
					rs.getString("detail"), rs.getLong("n"), rs.getLong("good"), null))
			.list();
	}

	/** Counted ratings and good ones per unit and item, and every item's good share over the whole installation. */
	ItemMix itemMix(RankingKind kind, RegionCode region, Period period) {
		String unit = switch (kind) {
			case REGION -> "rpad(left(e.region_code, " + childPrefixLength(region) + "), 12, '0')";
			case DEPARTMENT -> "e.department_code";
			case WINDOW -> "e.window_code";
			case STAFF -> "e.staff_no";
		};
		Map<String, Map<String, long[]>> byUnit = new HashMap<>();
		jdbc.sql("""
				select %s as unit, e.item_code, count(*) as n, count(*) filter (where e.level >= 3) as good
				from evl_counted e
				where e.region_code like :prefix and e.assessed_at >= :start and e.assessed_at < :end and %s is not null
				group by 1, 2""".formatted(unit, unit))
			.param("prefix", region.prefix() + "%")
			.param("start", Timestamp.from(period.start()))
			.param("end", Timestamp.from(period.end()))
			.query(rs -> {
				byUnit.computeIfAbsent(rs.getString("unit").trim(), k -> new HashMap<>())
					.put(rs.getString("item_code"), new long[] { rs.getLong("n"), rs.getLong("good") });
			});
		Map<String, Double> shares = new HashMap<>();
		long[] total = new long[2];
		jdbc.sql("""
				select key, sum(n) as n, coalesce(sum(n) filter (where level >= 3), 0) as good from ana_rating_rollup
				where dim = 'I' and day >= :from and day < :to group by key""")
			.param("from", period.from())
			.param("to", period.to())
			.query(rs -> {
				long n = rs.getLong("n");
				long good = rs.getLong("good");
				total[0] += n;
				total[1] += good;
				if (n > 0) {
					shares.put(rs.getString("key").trim(), (double) good / n);
				}
			});
		return new ItemMix(byUnit, shares, total[0] == 0 ? 0 : (double) total[1] / total[0]);
	}

	/** The region's name, or its code when the catalog does not know it. */
	String regionName(RegionCode region) {
		return jdbc.sql("select name from cat_region where code = :c").param("c", region.value()).query(String.class)
			.optional()
			.orElse(region.value());
	}

	private static int childPrefixLength(RegionCode region) {
		int[] byLevel = { 0, 2, 4, 6, 9, 12 };
		return byLevel[Math.min(5, region.level() + 1)];
	}
}
