package org.hcp.analytics;

import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.Map;

import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures read directly from their own tables because they are few (indexed by region and time in V130):
 * appeals 申诉 by filing time with the outcome of their decision, and random revisits 随机回访 by recording time. They
 * exist for regions (the region and below), departments and — appeals only — staff members; other subjects count 0.
 */
final class StatisticsDirect {

	private StatisticsDirect() {
	}

	static void appealsAndRevisits(JdbcClient jdbc, Dimension dimension, Period period,
			Map<String, EnumMap<Metric, Long>> counts) {
		String appealUnit = switch (dimension) {
			case REGION -> "a.region_code like :match";
			case DEPARTMENT -> "a.department_code = :match";
			case STAFF -> "a.staff_no = :match";
			default -> null;
		};
		String revisitUnit = switch (dimension) {
			case REGION -> "r.region_code like :match";
			case DEPARTMENT -> "r.department_code = :match";
			default -> null;
		};
		if (appealUnit == null) {
			return;
		}
		Timestamp start = Timestamp.from(period.start());
		Timestamp end = Timestamp.from(period.end());
		counts.forEach((key, c) -> {
			String match = dimension == Dimension.REGION ? new RegionCode(key).prefix() + "%" : key;
			jdbc.sql("""
					select count(*) as filed,
					       count(*) filter (where a.state = 'PENDING') as pending,
					       count(*) filter (where d.outcome = 'MISTAKEN') as mistaken,
					       count(*) filter (where d.outcome = 'MALICIOUS') as malicious,
					       count(*) filter (where d.outcome = 'REJECTED') as rejected
					from apl_appeal a left join apl_decision d on d.appeal_id = a.id
					where a.filed_at >= :start and a.filed_at < :end and """ + " " + appealUnit)
				.param("start", start)
				.param("end", end)
				.param("match", match)
				.query(rs -> {
					c.put(Metric.APPEALS_FILED, rs.getLong("filed"));
					c.put(Metric.APPEALS_PENDING, rs.getLong("pending"));
					c.put(Metric.APPEALS_UPHELD_MISTAKEN, rs.getLong("mistaken"));
					c.put(Metric.APPEALS_UPHELD_MALICIOUS, rs.getLong("malicious"));
					c.put(Metric.APPEALS_REJECTED, rs.getLong("rejected"));
				});
			if (revisitUnit != null) {
				jdbc.sql("""
						select count(*) filter (where r.outcome <> 'UNREACHABLE') as answered,
						       count(*) filter (where r.outcome = 'SATISFIED') as satisfied
						from sup_revisit_result r
						where r.recorded_at >= :start and r.recorded_at < :end and """ + " " + revisitUnit)
					.param("start", start)
					.param("end", end)
					.param("match", match)
					.query(rs -> {
						c.put(Metric.RANDOM_REVISITS_ANSWERED, rs.getLong("answered"));
						c.put(Metric.RANDOM_REVISITS_SATISFIED, rs.getLong("satisfied"));
					});
			}
		});
	}
}
