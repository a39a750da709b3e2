package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.hcp.calendar.WorkingCalendar;
import org.hcp.calendar.WorkingDays;
import org.hcp.shared.ChinaTime;
import org.hcp.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The job work-order-deadlines: overdue once per order and step, escalation (督办, 约谈) once per order (ADR 0016). */
class OverdueDeadlinesIT extends WorkOrderFixtures {

	@Autowired
	WorkingCalendar calendar;

	private Http.Reply runAsOf(Instant asOf) {
		Http.Reply reply = admin.post("/api/v1/admin/jobs/work-order-deadlines/run?asOf=" + asOf, null);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply;
	}

	private long count(String table, long id) {
		return jdbc.sql("select count(*) from " + table + " where order_id = :id").param("id", id).query(Long.class).single();
	}

	private long audited(String action, long id) {
		return jdbc.sql("select count(*) from rct_audit where order_id = :id and action = :a").param("id", id)
			.param("a", action).query(Long.class).single();
	}

	@Test
	void the_overdue_job_marks_each_step_once_and_escalates_a_repeated_overdue_exactly_once() {
		long id = badReview();
		WorkOrderDetail d = takenTo(id, WorkOrderState.DISPATCHED);
		Instant verifyBy = d.order().deadline();
		runAsOf(verifyBy.minusSeconds(1));
		assertThat(count("rct_overdue", id)).isZero();
		runAsOf(verifyBy.plus(1, ChronoUnit.HOURS));
		runAsOf(verifyBy.plus(2, ChronoUnit.HOURS));
		assertThat(count("rct_overdue", id)).isEqualTo(1);
		WorkOrderDetail overdue = current(id);
		assertThat(overdue.order().overdue()).isTrue();
		assertThat(overdue.timesOverdue()).isEqualTo(1);
		assertThat(overdue.escalated()).isFalse();

		as(department());
		d = orders.verify(id, overdue.version(), "评价人", "电话", "属实");
		assertThat(d.order().overdue()).isFalse();
		Instant rectifyBy = d.order().deadline();
		runAsOf(rectifyBy.plus(1, ChronoUnit.HOURS));
		runAsOf(rectifyBy.plus(3, ChronoUnit.DAYS));
		assertThat(count("rct_overdue", id)).isEqualTo(2);
		assertThat(count("rct_escalation", id)).isEqualTo(1);
		assertThat(audited("overdue", id)).isEqualTo(2);
		assertThat(audited("escalate", id)).isEqualTo(1);
		WorkOrderDetail escalated = current(id);
		assertThat(escalated.escalated()).isTrue();
		assertThat(escalated.timesOverdue()).isEqualTo(2);
		assertThat(jdbc.sql("select talk_with from rct_escalation where order_id = :id").param("id", id).query(String.class)
			.single()).contains(hall().department());
	}

	@Test
	void a_step_still_overdue_three_working_days_after_its_last_day_is_escalated_once() {
		long id = badReview();
		Instant verifyBy = takenTo(id, WorkOrderState.DISPATCHED).order().deadline();
		runAsOf(verifyBy.plus(1, ChronoUnit.HOURS));
		assertThat(count("rct_escalation", id)).isZero();
		LocalDate lastDay = ChinaTime.dateOf(verifyBy).minusDays(1);
		Instant limit = ChinaTime.startOf(calendar.plusWorkingDays(lastDay, WorkingDays.of(3)).plusDays(1));
		runAsOf(limit.minusSeconds(1));
		assertThat(count("rct_escalation", id)).isZero();
		runAsOf(limit);
		runAsOf(limit.plus(1, ChronoUnit.DAYS));
		assertThat(count("rct_escalation", id)).isEqualTo(1);
		assertThat(count("rct_overdue", id)).isEqualTo(1);
		assertThat(current(id).escalated()).isTrue();
	}

	@Test
	void a_paused_order_is_not_marked_overdue() {
		long id = badReview();
		Instant verifyBy = takenTo(id, WorkOrderState.DISPATCHED).order().deadline();
		orders.pauseForAppeal(id, 91, Instant.now());
		runAsOf(verifyBy.plus(1, ChronoUnit.HOURS));
		assertThat(count("rct_overdue", id)).isZero();
		assertThat(current(id).order().overdue()).isFalse();
	}
}
