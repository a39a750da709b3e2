package org.hcp.analytics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the rollups up to date with the change queues (ADR 0026). One pass is one transaction: it takes up to
 * {@code batch} rows from each queue ({@code for update skip locked}, so a second instance takes other rows) and
 * applies them as signed, set-based deltas — ratings first, since a rating change marks its case and work order,
 * then orders, then cases. Passes repeat until a pass finds the queues drained; then {@code caught_up} moves to the
 * start of that pass.
 */
@Component
class RollupCatchUp {

	private static final String DAY = "(%s at time zone 'Asia/Shanghai')::date";

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final AnalyticsProperties properties;

	RollupCatchUp(JdbcClient jdbc, PlatformTransactionManager transactions, AnalyticsProperties properties) {
		this.jdbc = jdbc;
		// each pass commits on its own, also when the caller (the job runner) holds a transaction: otherwise the passes
		// of a backlog larger than one batch would share one transaction, its temporary rows and its failure
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
	}

	/** Passes until the queues are drained; returns how many changes of each queue were applied. */
	Map<String, Object> catchUp() {
		long ratings = 0, orders = 0, cases = 0;
		int passes = 0;
		Pass pass;
		do {
			pass = transaction.execute(status -> pass());
			ratings += pass.ratings();
			orders += pass.orders();
			cases += pass.cases();
			passes++;
		}
		while (!pass.drained(properties.rollup().batch()) && passes < 100_000);
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("ratings", ratings);
		report.put("orders", orders);
		report.put("cases", cases);
		report.put("passes", passes);
		return report;
	}

	Instant caughtUp() {
		return jdbc.sql("select caught_up from ana_rollup_state where id = 1").query(Instant.class).single();
	}

	private record Pass(int ratings, int orders, int cases) {
		boolean drained(int batch) {
			return ratings < batch && orders < batch && cases < batch;
		}
	}

	private Pass pass() {
		int batch = properties.rollup().batch();
		Instant started = jdbc.sql("select statement_timestamp()").query(Instant.class).single();
		jdbc.sql("create temp table if not exists ana_t_rating (evaluation_id bigint, sign smallint) on commit delete rows").update();
		jdbc.sql("create temp table if not exists ana_t_order (order_id bigint) on commit delete rows").update();
		jdbc.sql("create temp table if not exists ana_t_case (case_id bigint) on commit delete rows").update();
		int ratings = ratings(batch);
		int orders = orders(batch);
		int cases = cases(batch);
		if (new Pass(ratings, orders, cases).drained(batch)) {
			jdbc.sql("update ana_rollup_state set caught_up = greatest(caught_up, :started) where id = 1")
				.param("started", java.sql.Timestamp.from(started))
				.update();
		}
		return new Pass(ratings, orders, cases);
	}

	// ------------------------------------------------------------------------------------------------ ratings

	private int ratings(int batch) {
		int taken = jdbc.sql("""
				with taken as (
				  delete from ana_rating_change where id in
				    (select id from ana_rating_change order by id limit :batch for update skip locked)
				  returning evaluation_id, sign)
				insert into ana_t_rating (evaluation_id, sign) select evaluation_id, sign from taken""")
			.param("batch", batch)
			.update();
		if (taken == 0) {
			return 0;
		}
		String rated = """
				from ana_t_rating t join evl_evaluation e on e.id = t.evaluation_id
				left join cat_window w on w.code = e.window_code
				""";
		jdbc.sql("insert into ana_rating_rollup (dim, key, day, channel, level, is_default, n) "
				+ "select u.dim, u.key, " + DAY.formatted("e.assessed_at") + ", e.channel, e.level, e.is_default, sum(t.sign) "
				+ rated
				+ RollupUnits.lateral("e.region_code", "w.institution_code", "e.department_code", "e.window_code",
						"e.staff_no", "e.item_code", RollupUnits.ALL)
				+ " group by 1, 2, 3, 4, 5, 6 on conflict (dim, key, day, channel, level, is_default) "
				+ "do update set n = ana_rating_rollup.n + excluded.n")
			.update();
		jdbc.sql("insert into ana_reason_rollup (dim, key, day, channel, indicator, n) "
				+ "select u.dim, u.key, " + DAY.formatted("e.assessed_at") + ", e.channel, i.code, sum(t.sign) "
				+ rated
				+ RollupUnits.lateral("e.region_code", "null", "e.department_code", "null", "null", "null", "'R','D'")
				+ " cross join lateral (select distinct trim(x) as code from unnest(string_to_array(e.indicators, ',')) x) i "
				+ " where e.level <= 2 and i.code <> ''"
				+ " group by 1, 2, 3, 4, 5 on conflict (dim, key, day, channel, indicator) "
				+ "do update set n = ana_reason_rollup.n + excluded.n")
			.update();
		jdbc.sql("insert into ana_item_bad_rollup (dim, key, day, channel, item_code, n) "
				+ "select u.dim, u.key, " + DAY.formatted("e.assessed_at") + ", e.channel, e.item_code, sum(t.sign) "
				+ rated
				+ RollupUnits.lateral("e.region_code", "null", "e.department_code", "null", "null", "null", "'R','D'")
				+ " where e.level <= 2"
				+ " group by 1, 2, 3, 4, 5 on conflict (dim, key, day, channel, item_code) "
				+ "do update set n = ana_item_bad_rollup.n + excluded.n")
			.update();
		// an exclusion changes what a case's coverage and an order's figures count
		jdbc.sql("""
				insert into ana_case_change (case_id)
				select distinct e.case_id from ana_t_rating t join evl_evaluation e on e.id = t.evaluation_id
				on conflict do nothing""").update();
		jdbc.sql("""
				insert into ana_order_change (order_id)
				select distinct r.order_id from ana_t_rating t join rct_order_rating r on r.evaluation_id = t.evaluation_id
				on conflict do nothing""").update();
		return taken;
	}

	// ------------------------------------------------------------------------------------------------ work orders

	private int orders(int batch) {
		int taken = jdbc.sql("""
				with taken as (
				  delete from ana_order_change where order_id in
				    (select order_id from ana_order_change order by order_id limit :batch for update skip locked)
				  returning order_id)
				insert into ana_t_order (order_id) select order_id from taken""")
			.param("batch", batch)
			.update();
		if (taken == 0) {
			return 0;
		}
		applyBadFacts(-1);
		jdbc.sql("delete from ana_bad_fact f using ana_t_order t where f.order_id = t.order_id").update();
		jdbc.sql("""
				insert into ana_bad_fact (evaluation_id, order_id, day, channel, region_code, department_code,
				    institution_code, window_code, staff_no, item_code, valid, replied, rectified, revisit_rectified,
				    revisited, revisit_satisfied, unrectifiable, overdue)
				select e.id, o.id, (e.assessed_at at time zone 'Asia/Shanghai')::date, e.channel, e.region_code,
				       e.department_code, w.institution_code, e.window_code, e.staff_no, e.item_code,
				       o.state not in ('RECEIVED', 'INVALID'),
				       o.replied_at is not null,
				       o.rectified_at is not null,
				       o.rectified_at is not null and o.revisit_outcome is not null and o.revisit_outcome <> 'NOT_SATISFIED',
				       o.revisit_outcome is not null and o.revisit_outcome <> 'UNREACHABLE',
				       coalesce(o.revisit_outcome in ('SATISFIED', 'PARTLY_SATISFIED'), false),
				       o.unrectifiable or o.state = 'UNRECTIFIABLE_APPROVED',
				       o.times_overdue > 0
				from ana_t_order t
				join rct_work_order o on o.id = t.order_id and o.source = 'BAD_REVIEW'
				join rct_order_rating r on r.order_id = o.id
				join evl_evaluation e on e.id = r.evaluation_id and e.level <= 2
				left join cat_window w on w.code = e.window_code
				where not exists (select 1 from evl_exclusion x where x.evaluation_id = e.id)""").update();
		applyBadFacts(1);
		return taken;
	}

	/** Adds ({@code sign} 1) or removes (−1) the facts of the taken orders to or from the bad-review rollup. */
	private void applyBadFacts(int sign) {
		jdbc.sql("""
				insert into ana_bad_rollup (dim, key, day, channel, valid, replied, rectified, revisit_rectified,
				    revisited, revisit_satisfied, unrectifiable, overdue)
				select u.dim, u.key, f.day, f.channel,
				       :sign * count(*) filter (where f.valid),
				       :sign * count(*) filter (where f.valid and f.replied),
				       :sign * count(*) filter (where f.valid and f.rectified),
				       :sign * count(*) filter (where f.valid and f.revisit_rectified),
				       :sign * count(*) filter (where f.valid and f.revisited),
				       :sign * count(*) filter (where f.valid and f.revisit_satisfied),
				       :sign * count(*) filter (where f.valid and f.unrectifiable),
				       :sign * count(*) filter (where f.valid and f.overdue)
				from ana_bad_fact f join ana_t_order t on t.order_id = f.order_id
				""" + RollupUnits.lateral("f.region_code", "f.institution_code", "f.department_code", "f.window_code",
				"f.staff_no", "f.item_code", RollupUnits.ALL) + """
				group by 1, 2, 3, 4
				on conflict (dim, key, day, channel) do update set
				    valid = ana_bad_rollup.valid + excluded.valid,
				    replied = ana_bad_rollup.replied + excluded.replied,
				    rectified = ana_bad_rollup.rectified + excluded.rectified,
				    revisit_rectified = ana_bad_rollup.revisit_rectified + excluded.revisit_rectified,
				    revisited = ana_bad_rollup.revisited + excluded.revisited,
				    revisit_satisfied = ana_bad_rollup.revisit_satisfied + excluded.revisit_satisfied,
				    unrectifiable = ana_bad_rollup.unrectifiable + excluded.unrectifiable,
				    overdue = ana_bad_rollup.overdue + excluded.overdue""")
			.param("sign", sign)
			.update();
	}

	// ------------------------------------------------------------------------------------------------ cases

	private int cases(int batch) {
		int taken = jdbc.sql("""
				with taken as (
				  delete from ana_case_change where case_id in
				    (select case_id from ana_case_change order by case_id limit :batch for update skip locked)
				  returning case_id)
				insert into ana_t_case (case_id) select case_id from taken""")
			.param("batch", batch)
			.update();
		if (taken == 0) {
			return 0;
		}
		jdbc.sql("create temp table if not exists ana_t_case_fact (like ana_case_fact) on commit delete rows").update();
		jdbc.sql("""
				insert into ana_t_case_fact (case_id, day, region_code, department_code, item_code, rated, rated_active)
				select c.id, (c.completed_at at time zone 'Asia/Shanghai')::date, c.region_code, c.department_code,
				       c.item_code,
				       exists (select 1 from evl_counted e where e.case_id = c.id),
				       exists (select 1 from evl_counted e where e.case_id = c.id and not e.is_default)
				from ana_t_case t join cas_case c on c.id = t.case_id
				where c.completed_at is not null""").update();
		applyCaseFacts();
		jdbc.sql("delete from ana_case_fact f using ana_t_case t where f.case_id = t.case_id").update();
		jdbc.sql("insert into ana_case_fact select * from ana_t_case_fact").update();
		return taken;
	}

	/**
	 * Applies the taken cases' facts to the rollup as one signed delta per unit and day — the old fact taken away, the
	 * new one added — leaving out units whose figures do not move (a case rated again, for instance).
	 */
	private void applyCaseFacts() {
		jdbc.sql("""
				insert into ana_case_rollup (dim, key, day, completed, rated, rated_active)
				select u.dim, u.key, f.day, sum(f.sign), coalesce(sum(f.sign) filter (where f.rated), 0),
				       coalesce(sum(f.sign) filter (where f.rated_active), 0)
				from (select o.*, -1 as sign from ana_case_fact o join ana_t_case t on t.case_id = o.case_id
				      union all
				      select n.*, 1 as sign from ana_t_case_fact n) f
				""" + RollupUnits.lateral("f.region_code", "null", "f.department_code", "null", "null", "f.item_code",
				"'R','D','I'") + """
				group by 1, 2, 3
				having sum(f.sign) <> 0 or coalesce(sum(f.sign) filter (where f.rated), 0) <> 0
				    or coalesce(sum(f.sign) filter (where f.rated_active), 0) <> 0
				on conflict (dim, key, day) do update set
				    completed = ana_case_rollup.completed + excluded.completed,
				    rated = ana_case_rollup.rated + excluded.rated,
				    rated_active = ana_case_rollup.rated_active + excluded.rated_active""")
			.update();
	}
}
