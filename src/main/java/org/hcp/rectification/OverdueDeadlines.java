package org.hcp.rectification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.calendar.CalendarYearMissing;
import org.hcp.calendar.WorkingCalendar;
import org.hcp.jobs.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job {@code work-order-deadlines}: marks every step past its deadline as overdue — once per order, step and
 * round (rct_overdue's key), publishing {@link WorkOrderOverdue} once — and escalates repeated overdue
 * ({@link RepeatedOverdue}) to the office with a 约谈 record, once per order (rct_escalation's key). A paused order
 * (appeal pending) is skipped. Orders are handled in chunks of 200 per transaction; running again as of the same
 * instant does nothing.
 */
@Component
class OverdueDeadlines implements Job {

	private static final Logger log = LoggerFactory.getLogger(OverdueDeadlines.class);
	private static final int CHUNK = 200;

	private final JdbcClient jdbc;
	private final WorkOrderRepository orders;
	private final AuditTrail audit;
	private final WorkingCalendar calendar;
	private final ApplicationEventPublisher events;
	private final RepeatedOverdue repeated;
	private final TransactionTemplate perOrder;

	OverdueDeadlines(JdbcClient jdbc, WorkOrderRepository orders, AuditTrail audit, WorkingCalendar calendar,
			ApplicationEventPublisher events, RectificationProperties properties, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.audit = audit;
		this.calendar = calendar;
		this.events = events;
		this.repeated = new RepeatedOverdue(properties.escalateAfter());
		this.perOrder = new TransactionTemplate(transactions);
		this.perOrder.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public String name() {
		return "work-order-deadlines";
	}

	@Override
	public Duration every() {
		return Duration.ofMinutes(10);
	}

	@Override
	public Map<String, Object> run(Instant asOf) {
		int marked = 0;
		int escalated = 0;
		int skipped = 0;
		for (List<Long> chunk : chunks(due(asOf))) {
			for (Outcome outcome : inChunk(chunk, id -> mark(id, asOf))) {
				marked += outcome.marked ? 1 : 0;
				escalated += outcome.escalated ? 1 : 0;
			}
		}
		for (List<Long> chunk : chunks(stillOverdue())) {
			List<Boolean> done;
			try {
				done = inChunk(chunk, id -> escalateIfStillOverdue(id, asOf));
			}
			catch (CalendarYearMissing e) {
				// one order of the chunk has a date the calendar lacks: the others one by one, that one reported
				done = new java.util.ArrayList<>();
				for (Long id : chunk) {
					try {
						done.add(perOrder.execute(tx -> escalateIfStillOverdue(id, asOf)));
					}
					catch (CalendarYearMissing missing) {
						skipped++;
						log.error("Work order {} is overdue but its escalation date falls in {}, which the calendar lacks", id,
								missing.year());
					}
				}
			}
			escalated += (int) done.stream().filter(Boolean.TRUE::equals).count();
		}
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("markedOverdue", marked);
		report.put("escalated", escalated);
		report.put("skippedForMissingCalendar", skipped);
		return report;
	}

	/**
	 * Orders are marked in chunks, one transaction per chunk: each order's step stays exactly-once by its unique key,
	 * and a commit per order (an fsync each) would make the job over a large ledger take minutes.
	 */
	private <T> List<T> inChunk(List<Long> chunk, java.util.function.LongFunction<T> step) {
		return perOrder.execute(tx -> chunk.stream().map(step::apply).toList());
	}

	private static List<List<Long>> chunks(List<Long> ids) {
		List<List<Long>> chunks = new java.util.ArrayList<>();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
		}
		return chunks;
	}

	private record Outcome(boolean marked, boolean escalated) {
	}

	/** Open, running steps past their deadline that are not marked yet. */
	private List<Long> due(Instant asOf) {
		return jdbc.sql("""
				select o.id from rct_work_order o
				where o.state not in ('INVALID', 'CLOSED', 'CLOSED_BY_APPEAL') and o.deadline is not null and o.remote_peer is null
				  and o.paused_at is null and o.deadline <= :asOf
				  and not exists (select 1 from rct_overdue v where v.order_id = o.id and v.step = o.deadline_step and v.round = o.round)
				order by o.id limit :limit""")
			.param("asOf", Timestamp.from(asOf))
			.param("limit", 100_000)
			.query(Long.class)
			.list();
	}

	/** Marked overdue, not escalated yet, still running. */
	private List<Long> stillOverdue() {
		return jdbc.sql("""
				select o.id from rct_work_order o
				where o.state not in ('INVALID', 'CLOSED', 'CLOSED_BY_APPEAL') and o.deadline is not null and o.remote_peer is null
				  and o.paused_at is null and not o.escalated
				  and exists (select 1 from rct_overdue v where v.order_id = o.id and v.step = o.deadline_step and v.round = o.round)
				order by o.id limit :limit""")
			.param("limit", 100_000)
			.query(Long.class)
			.list();
	}

	private Outcome mark(long id, Instant asOf) {
		WorkOrder o = orders.lock(id).orElse(null);
		if (o == null || !o.state.isOpen() || o.deadline == null || o.isPaused() || asOf.isBefore(o.deadline)) {
			return new Outcome(false, false);
		}
		int fresh = jdbc.sql("""
				insert into rct_overdue (order_id, step, round, deadline, marked_at) values (:o, :step, :round, :deadline, :at)
				on conflict do nothing""")
			.param("o", id)
			.param("step", o.deadlineStep)
			.param("round", o.round)
			.param("deadline", Timestamp.from(o.deadline))
			.param("at", Timestamp.from(asOf))
			.update();
		if (fresh == 0) {
			return new Outcome(false, false);
		}
		int times = o.timesOverdue + 1;
		boolean escalate = repeated.repeatedWhenMarked(times) && escalate(o, asOf,
				"第 " + times + " 次超期（" + o.deadlineStep + "） / overdue for the " + times + ". time");
		jdbc.sql("update rct_work_order set overdue = true, times_overdue = :times where id = :id")
			.param("times", times)
			.param("id", id)
			.update();
		audit.append(id, asOf, new WorkOrder.Step("overdue", o.state, o.state, null,
				"step=" + o.deadlineStep + "; round=" + o.round + "; deadline=" + o.deadline + "; times=" + times));
		events.publishEvent(new WorkOrderOverdue(id, o.orderNo, o.deadlineStep, o.regionCode, o.departmentCode,
				o.deadline, times, escalate, asOf));
		return new Outcome(true, escalate);
	}

	private boolean escalateIfStillOverdue(long id, Instant asOf) {
		WorkOrder o = orders.lock(id).orElse(null);
		if (o == null || o.escalated || !o.state.isOpen() || o.deadline == null || o.isPaused()
				|| !repeated.stillOverdueTooLong(o.deadline, asOf, calendar)) {
			return false;
		}
		boolean done = escalate(o, asOf, o.deadlineStep + " 超期 " + repeated.stillOverdueAfter() + " 个工作日仍未办理 / still overdue "
				+ repeated.stillOverdueAfter() + " working days after the deadline");
		if (done) {
			events.publishEvent(new WorkOrderAdvanced(id, o.orderNo, "escalate", o.state, o.state, o.regionCode,
					o.departmentCode, o.staffNo, asOf));
		}
		return done;
	}

	/** 督办 and the 约谈 record, once per order; false when it was escalated before. */
	private boolean escalate(WorkOrder o, Instant asOf, String reason) {
		String talkWith = "责任单位 " + o.departmentCode + " 主要负责人 / head of department " + o.departmentCode;
		int fresh = jdbc.sql("""
				insert into rct_escalation (order_id, escalated_at, reason, region_code, department_code, talk_with)
				values (:o, :at, :reason, :region, :dept, :talk) on conflict do nothing""")
			.param("o", o.id)
			.param("at", Timestamp.from(asOf))
			.param("reason", reason)
			.param("region", o.regionCode)
			.param("dept", o.departmentCode)
			.param("talk", talkWith)
			.update();
		if (fresh == 0) {
			return false;
		}
		jdbc.sql("update rct_work_order set escalated = true where id = :id").param("id", o.id).update();
		audit.append(o.id, asOf, new WorkOrder.Step("escalate", o.state, o.state, reason, "talkWith=" + talkWith));
		return true;
	}
}
