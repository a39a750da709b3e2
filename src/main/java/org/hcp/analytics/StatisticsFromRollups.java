package org.hcp.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hcp.evaluation.Channel;
import org.hcp.shared.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * {@link Statistics} served from the rollups (ADR 0026): each figure is a sum over days {@code [from, to)} of one
 * unit's rows, read by the rollups' primary keys (a region by its exact code — its ratings were written to it and to
 * every region above). Appeals and random revisits are few and read from their own tables. Figures without a
 * channel (completed cases, appeals, random revisits) are 0 when a channel is asked for, so coverage is then "—".
 */
@Service
class StatisticsFromRollups implements Statistics {

	/** Periods longer than this are trended per month instead of per day. */
	static final int DAILY_TREND_DAYS = 92;

	private final JdbcClient jdbc;
	private final RollupCatchUp rollups;
	private final MessageSource messages;

	StatisticsFromRollups(JdbcClient jdbc, RollupCatchUp rollups, MessageSource messages) {
		this.jdbc = jdbc;
		this.rollups = rollups;
		this.messages = messages;
	}

	@Override
	public FigureSet figures(Subject subject, Period period) {
		String name = StatisticsNames.of(jdbc, subject.dimension(), subject.key());
		return figuresOf(subject.dimension(), Map.of(subject.key(), name), period, subject.channel()).get(0);
	}

	@Override
	public List<FigureSet> children(Subject region, Period period) {
		if (region.dimension() != Dimension.REGION) {
			return List.of();
		}
		Map<String, String> children = new LinkedHashMap<>();
		jdbc.sql("select code, name from cat_region where parent_code = :code order by code")
			.param("code", region.key())
			.query(rs -> {
				children.put(rs.getString("code"), rs.getString("name"));
			});
		return figuresOf(Dimension.REGION, children, period, region.channel());
	}

	@Override
	public List<FigureSet> departments(Subject region, Period period) {
		if (region.dimension() != Dimension.REGION) {
			return List.of();
		}
		Map<String, String> departments = new LinkedHashMap<>();
		jdbc.sql("select code, name from cat_department where region_code like :prefix order by code")
			.param("prefix", new RegionCode(region.key()).prefix() + "%")
			.query(rs -> {
				departments.put(rs.getString("code"), rs.getString("name"));
			});
		return figuresOf(Dimension.DEPARTMENT, departments, period, region.channel());
	}

	@Override
	public List<TrendPoint> trend(Subject subject, Period period) {
		boolean monthly = period.days() > DAILY_TREND_DAYS;
		Map<LocalDate, long[]> points = new TreeMap<>();
		for (LocalDate day = period.from(); day.isBefore(period.to()); day = monthly ? day.withDayOfMonth(1).plusMonths(1) : day.plusDays(1)) {
			points.put(day, new long[3]);
		}
		jdbc.sql("""
				select day, sum(n) as n, sum(n) filter (where level >= 3) as good, sum(n) filter (where level <= 2) as bad
				from ana_rating_rollup
				where dim = :dim and key = :key and day >= :from and day < :to and (:channel::text is null or channel = :channel)
				group by day""")
			.params(unit(subject, period))
			.query(rs -> {
				LocalDate day = rs.getObject("day", LocalDate.class);
				LocalDate bucket = monthly ? max(day.withDayOfMonth(1), period.from()) : day;
				long[] point = points.get(bucket);
				point[0] += rs.getLong("n");
				point[1] += rs.getLong("good");
				point[2] += rs.getLong("bad");
			});
		List<TrendPoint> trend = new ArrayList<>();
		points.forEach((day, p) -> trend.add(new TrendPoint(day, p[0], p[1], p[2])));
		return trend;
	}

	@Override
	public List<Tally> channels(Subject subject, Period period) {
		return jdbc.sql("""
				select channel, sum(n) as n from ana_rating_rollup
				where dim = :dim and key = :key and day >= :from and day < :to and (:channel::text is null or channel = :channel)
				group by channel having sum(n) <> 0 order by n desc, channel""")
			.params(unit(subject, period))
			.query((rs, i) -> new Tally(rs.getString("channel"), channelName(rs.getString("channel")), rs.getLong("n")))
			.list();
	}

	/** Reasons are rolled up for regions and departments; other subjects have none. */
	@Override
	public List<Tally> reasons(Subject subject, Period period) {
		if (subject.dimension() != Dimension.REGION && subject.dimension() != Dimension.DEPARTMENT) {
			return List.of();
		}
		return jdbc.sql("""
				select r.indicator, sum(r.n) as n,
				       (select i.text from cat_indicator i where i.code = r.indicator order by i.version desc limit 1) as name
				from ana_reason_rollup r
				where r.dim = :dim and r.key = :key and r.day >= :from and r.day < :to
				  and (:channel::text is null or r.channel = :channel)
				group by r.indicator having sum(r.n) <> 0 order by n desc, r.indicator""")
			.params(unit(subject, period))
			.query((rs, i) -> new Tally(rs.getString("indicator"), nameOr(rs.getString("name"), rs.getString("indicator")),
					rs.getLong("n")))
			.list();
	}

	/** Items are rolled up for regions and departments; other subjects have none. */
	@Override
	public List<Tally> itemsWithMostBad(Subject subject, Period period, int limit) {
		if (subject.dimension() != Dimension.REGION && subject.dimension() != Dimension.DEPARTMENT) {
			return List.of();
		}
		Map<String, Object> params = unit(subject, period);
		params.put("limit", Math.max(0, limit));
		return jdbc.sql("""
				select b.item_code, b.n, s.name from (
				  select item_code, sum(n) as n from ana_item_bad_rollup
				  where dim = :dim and key = :key and day >= :from and day < :to
				    and (:channel::text is null or channel = :channel)
				  group by item_code having sum(n) > 0 order by n desc, item_code limit :limit) b
				left join cat_service_item s on s.code = b.item_code
				order by b.n desc, b.item_code""")
			.params(params)
			.query((rs, i) -> new Tally(rs.getString("item_code"), nameOr(rs.getString("name"), rs.getString("item_code")),
					rs.getLong("n")))
			.list();
	}

	@Override
	public void catchUp() {
		rollups.catchUp();
	}

	@Override
	public Instant asOf() {
		return rollups.caughtUp();
	}

	// ------------------------------------------------------------------------------------------------ figures

	/** The figures of several units of one dimension, in the order of {@code names} (key → name). */
	List<FigureSet> figuresOf(Dimension dimension, Map<String, String> names, Period period, Channel channel) {
		if (names.isEmpty()) {
			return List.of();
		}
		Map<String, EnumMap<Metric, Long>> counts = new LinkedHashMap<>();
		names.keySet().forEach(key -> counts.put(key, new EnumMap<>(Metric.class)));
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("dim", dimension.code());
		params.put("keys", List.copyOf(names.keySet()));
		params.put("from", period.from());
		params.put("to", period.to());
		params.put("channel", channel == null ? null : channel.name());
		ratings(params, counts);
		badReviews(params, counts);
		if (channel == null) {
			cases(params, counts);
			StatisticsDirect.appealsAndRevisits(jdbc, dimension, period, counts);
		}
		Instant asOf = asOf();
		List<FigureSet> sets = new ArrayList<>();
		names.forEach((key, name) -> sets.add(new FigureSet(new Subject(dimension, key, channel), name, period, asOf,
				MetricFigures.of(counts.get(key)))));
		return sets;
	}

	private void ratings(Map<String, Object> params, Map<String, EnumMap<Metric, Long>> counts) {
		jdbc.sql("""
				select key, level, is_default, sum(n) as n from ana_rating_rollup
				where dim = :dim and key in (:keys) and day >= :from and day < :to
				  and (:channel::text is null or channel = :channel)
				group by key, level, is_default""")
			.params(params)
			.query(rs -> {
				EnumMap<Metric, Long> c = counts.get(rs.getString("key"));
				int level = rs.getInt("level");
				boolean isDefault = rs.getBoolean("is_default");
				long n = rs.getLong("n");
				add(c, Metric.EVALUATIONS, n);
				add(c, isDefault ? Metric.DEFAULT : Metric.ACTIVE, n);
				add(c, Metric.valueOf("LEVEL_" + level), n);
				add(c, level >= 3 ? Metric.GOOD : Metric.BAD, n);
				if (level >= 3 && !isDefault) {
					add(c, Metric.ACTIVE_GOOD, n);
				}
			});
	}

	private void badReviews(Map<String, Object> params, Map<String, EnumMap<Metric, Long>> counts) {
		jdbc.sql("""
				select key, sum(valid) as valid, sum(replied) as replied, sum(rectified) as rectified,
				       sum(revisit_rectified) as revisit_rectified, sum(revisited) as revisited,
				       sum(revisit_satisfied) as revisit_satisfied, sum(unrectifiable) as unrectifiable,
				       sum(overdue) as overdue
				from ana_bad_rollup
				where dim = :dim and key in (:keys) and day >= :from and day < :to
				  and (:channel::text is null or channel = :channel)
				group by key""")
			.params(params)
			.query(rs -> {
				EnumMap<Metric, Long> c = counts.get(rs.getString("key"));
				add(c, Metric.VALID_BAD, rs.getLong("valid"));
				add(c, Metric.BAD_REPLIED, rs.getLong("replied"));
				add(c, Metric.BAD_RECTIFIED, rs.getLong("rectified"));
				add(c, Metric.BAD_REVISIT_RECTIFIED, rs.getLong("revisit_rectified"));
				add(c, Metric.BAD_REVISITED, rs.getLong("revisited"));
				add(c, Metric.BAD_REVISIT_SATISFIED, rs.getLong("revisit_satisfied"));
				add(c, Metric.BAD_UNRECTIFIABLE, rs.getLong("unrectifiable"));
				add(c, Metric.BAD_OVERDUE, rs.getLong("overdue"));
			});
	}

	private void cases(Map<String, Object> params, Map<String, EnumMap<Metric, Long>> counts) {
		jdbc.sql("""
				select key, sum(completed) as completed, sum(rated) as rated, sum(rated_active) as rated_active
				from ana_case_rollup
				where dim = :dim and key in (:keys) and day >= :from and day < :to
				group by key""")
			.params(params)
			.query(rs -> {
				EnumMap<Metric, Long> c = counts.get(rs.getString("key"));
				add(c, Metric.CASES_COMPLETED, rs.getLong("completed"));
				add(c, Metric.CASES_RATED, rs.getLong("rated"));
				add(c, Metric.CASES_RATED_ACTIVE, rs.getLong("rated_active"));
			});
	}

	// ------------------------------------------------------------------------------------------------ helpers

	private static Map<String, Object> unit(Subject subject, Period period) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("dim", subject.dimension().code());
		params.put("key", subject.key());
		params.put("from", period.from());
		params.put("to", period.to());
		params.put("channel", subject.channel() == null ? null : subject.channel().name());
		return params;
	}

	private static void add(Map<Metric, Long> counts, Metric metric, long n) {
		counts.merge(metric, n, Long::sum);
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static String nameOr(String name, String code) {
		return name == null ? code : name;
	}

	private String channelName(String channel) {
		return messages.getMessage("analytics.api.channel." + channel, null, channel, LocaleContextHolder.getLocale());
	}

	static Timestamp at(Instant instant) {
		return Timestamp.from(instant);
	}
}
