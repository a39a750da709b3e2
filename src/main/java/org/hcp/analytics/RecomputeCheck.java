package org.hcp.analytics;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The recompute check (issue 8 §1): every count {@link Metric} of a subject and period computed again from the raw
 * tables only — {@code evl_counted} by assessed time, bad reviews through {@code rct_order_rating} and
 * {@code rct_work_order}, {@code cas_case} by completion time, appeals and random revisits — and compared with what
 * {@link Statistics} serves after catching up. Rates are made of these counts, so equal counts mean equal rates.
 */
@Service
public class RecomputeCheck {

	/** One count, as served and as recomputed. */
	public record Line(Metric metric, long served, long recomputed, boolean equal) {
		Line(Metric metric, long served, long recomputed) {
			this(metric, served, recomputed, served == recomputed);
		}
	}

	/** The check of one subject and period: every count, and whether all were equal. */
	public record Report(Subject subject, Period period, List<Line> lines, boolean allEqual) {
		Report(Subject subject, Period period, List<Line> lines) {
			this(subject, period, List.copyOf(lines), lines.stream().allMatch(Line::equal));
		}
	}

	private final JdbcClient jdbc;
	private final Statistics statistics;

	RecomputeCheck(JdbcClient jdbc, Statistics statistics) {
		this.jdbc = jdbc;
		this.statistics = statistics;
	}

	public Report check(Subject subject, Period period) {
		statistics.catchUp();
		FigureSet served = statistics.figures(subject, period);
		Map<Metric, Long> recomputed = recompute(subject, period);
		List<Line> lines = new ArrayList<>();
		for (Metric metric : Metric.values()) {
			if (!metric.isRate()) {
				lines.add(new Line(metric, served.count(metric), recomputed.getOrDefault(metric, 0L)));
			}
		}
		return new Report(subject, period, lines);
	}

	/** Every count metric from the raw tables. */
	Map<Metric, Long> recompute(Subject subject, Period period) {
		Map<Metric, Long> counts = new EnumMap<>(Metric.class);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("start", Timestamp.from(period.start()));
		params.put("end", Timestamp.from(period.end()));
		params.put("key", subject.dimension() == Dimension.REGION ? new RegionCode(subject.key()).prefix() + "%" : subject.key());
		params.put("channel", subject.channel() == null ? null : subject.channel().name());
		String rating = switch (subject.dimension()) {
			case REGION -> "e.region_code like :key";
			case INSTITUTION -> "w.institution_code = :key";
			case DEPARTMENT -> "e.department_code = :key";
			case WINDOW -> "e.window_code = :key";
			case STAFF -> "e.staff_no = :key";
			case ITEM -> "e.item_code = :key";
		};
		String ratings = """
				from evl_counted e left join cat_window w on w.code = e.window_code
				where e.assessed_at >= :start and e.assessed_at < :end and (:channel::text is null or e.channel = :channel)
				  and """ + " " + rating;
		jdbc.sql("""
				select count(*) as evaluations,
				       count(*) filter (where not e.is_default) as active,
				       count(*) filter (where e.is_default) as defaults,
				       count(*) filter (where e.level = 1) as l1, count(*) filter (where e.level = 2) as l2,
				       count(*) filter (where e.level = 3) as l3, count(*) filter (where e.level = 4) as l4,
				       count(*) filter (where e.level = 5) as l5,
				       count(*) filter (where e.level >= 3 and not e.is_default) as active_good
				""" + ratings)
			.params(params)
			.query(rs -> {
				counts.put(Metric.EVALUATIONS, rs.getLong("evaluations"));
				counts.put(Metric.ACTIVE, rs.getLong("active"));
				counts.put(Metric.DEFAULT, rs.getLong("defaults"));
				counts.put(Metric.LEVEL_1, rs.getLong("l1"));
				counts.put(Metric.LEVEL_2, rs.getLong("l2"));
				counts.put(Metric.LEVEL_3, rs.getLong("l3"));
				counts.put(Metric.LEVEL_4, rs.getLong("l4"));
				counts.put(Metric.LEVEL_5, rs.getLong("l5"));
				counts.put(Metric.GOOD, rs.getLong("l3") + rs.getLong("l4") + rs.getLong("l5"));
				counts.put(Metric.BAD, rs.getLong("l1") + rs.getLong("l2"));
				counts.put(Metric.ACTIVE_GOOD, rs.getLong("active_good"));
			});
		jdbc.sql("""
				select count(*) filter (where v.valid) as valid,
				       count(*) filter (where v.valid and o.replied_at is not null) as replied,
				       count(*) filter (where v.valid and o.rectified_at is not null) as rectified,
				       count(*) filter (where v.valid and o.rectified_at is not null
				                        and o.revisit_outcome is not null and o.revisit_outcome <> 'NOT_SATISFIED') as revisit_rectified,
				       count(*) filter (where v.valid and o.revisit_outcome is not null and o.revisit_outcome <> 'UNREACHABLE') as revisited,
				       count(*) filter (where v.valid and o.revisit_outcome in ('SATISFIED', 'PARTLY_SATISFIED')) as revisit_satisfied,
				       count(*) filter (where v.valid and (o.unrectifiable or o.state = 'UNRECTIFIABLE_APPROVED')) as unrectifiable,
				       count(*) filter (where v.valid and o.times_overdue > 0) as overdue
				from evl_counted e
				left join cat_window w on w.code = e.window_code
				join rct_order_rating r on r.evaluation_id = e.id
				join rct_work_order o on o.id = r.order_id and o.source = 'BAD_REVIEW'
				cross join lateral (select o.state not in ('RECEIVED', 'INVALID') as valid) v
				where e.level <= 2 and e.assessed_at >= :start and e.assessed_at < :end
				  and (:channel::text is null or e.channel = :channel) and """ + " " + rating)
			.params(params)
			.query(rs -> {
				counts.put(Metric.VALID_BAD, rs.getLong("valid"));
				counts.put(Metric.BAD_REPLIED, rs.getLong("replied"));
				counts.put(Metric.BAD_RECTIFIED, rs.getLong("rectified"));
				counts.put(Metric.BAD_REVISIT_RECTIFIED, rs.getLong("revisit_rectified"));
				counts.put(Metric.BAD_REVISITED, rs.getLong("revisited"));
				counts.put(Metric.BAD_REVISIT_SATISFIED, rs.getLong("revisit_satisfied"));
				counts.put(Metric.BAD_UNRECTIFIABLE, rs.getLong("unrectifiable"));
				counts.put(Metric.BAD_OVERDUE, rs.getLong("overdue"));
			});
		String caseUnit = switch (subject.dimension()) {
			case REGION -> "c.region_code like :key";
			case DEPARTMENT -> "c.department_code = :key";
			case ITEM -> "c.item_code = :key";
			default -> null;
		};
		if (caseUnit != null && subject.channel() == null) {
			jdbc.sql("""
					select count(*) as completed,
					       count(*) filter (where exists (select 1 from evl_counted e where e.case_id = c.id)) as rated,
					       count(*) filter (where exists (select 1 from evl_counted e where e.case_id = c.id
					                                      and not e.is_default)) as rated_active
					from cas_case c
					where c.completed_at >= :start and c.completed_at < :end and """ + " " + caseUnit)
				.params(params)
				.query(rs -> {
					counts.put(Metric.CASES_COMPLETED, rs.getLong("completed"));
					counts.put(Metric.CASES_RATED, rs.getLong("rated"));
					counts.put(Metric.CASES_RATED_ACTIVE, rs.getLong("rated_active"));
				});
		}
		if (subject.channel() == null) {
			appeals(subject.dimension(), params, counts);
		}
		return counts;
	}

	private void appeals(Dimension dimension, Map<String, Object> params, Map<Metric, Long> counts) {
		String appealUnit = switch (dimension) {
			case REGION -> "a.region_code like :key";
			case DEPARTMENT -> "a.department_code = :key";
			case STAFF -> "a.staff_no = :key";
			default -> null;
		};
		if (appealUnit == null) {
			return;
		}
		jdbc.sql("""
				select count(*) as filed,
				       count(*) filter (where not exists (select 1 from apl_decision d where d.appeal_id = a.id)) as pending,
				       count(*) filter (where exists (select 1 from apl_decision d where d.appeal_id = a.id and d.outcome = 'MISTAKEN')) as mistaken,
				       count(*) filter (where exists (select 1 from apl_decision d where d.appeal_id = a.id and d.outcome = 'MALICIOUS')) as malicious,
				       count(*) filter (where exists (select 1 from apl_decision d where d.appeal_id = a.id and d.outcome = 'REJECTED')) as rejected
				from apl_appeal a where a.filed_at >= :start and a.filed_at < :end and """ + " " + appealUnit)
			.params(params)
			.query(rs -> {
				counts.put(Metric.APPEALS_FILED, rs.getLong("filed"));
				counts.put(Metric.APPEALS_PENDING, rs.getLong("pending"));
				counts.put(Metric.APPEALS_UPHELD_MISTAKEN, rs.getLong("mistaken"));
				counts.put(Metric.APPEALS_UPHELD_MALICIOUS, rs.getLong("malicious"));
				counts.put(Metric.APPEALS_REJECTED, rs.getLong("rejected"));
			});
		String revisitUnit = switch (dimension) {
			case REGION -> "r.region_code like :key";
			case DEPARTMENT -> "r.department_code = :key";
			default -> null;
		};
		if (revisitUnit == null) {
			return;
		}
		jdbc.sql("""
				select count(*) filter (where r.outcome in ('SATISFIED', 'NOT_SATISFIED')) as answered,
				       count(*) filter (where r.outcome = 'SATISFIED') as satisfied
				from sup_revisit_result r where r.recorded_at >= :start and r.recorded_at < :end and """ + " " + revisitUnit)
			.params(params)
			.query(rs -> {
				counts.put(Metric.RANDOM_REVISITS_ANSWERED, rs.getLong("answered"));
				counts.put(Metric.RANDOM_REVISITS_SATISFIED, rs.getLong("satisfied"));
			});
	}
}
