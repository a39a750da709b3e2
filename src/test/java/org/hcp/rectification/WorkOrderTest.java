package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hcp.rectification.DeadlinePoliciesTest.china;

import java.time.Instant;
import java.util.List;

import org.hcp.calendar.BundledCalendarFixture;
import org.hcp.calendar.WorkingCalendar;
import org.hcp.shared.HcpException;
import org.junit.jupiter.api.Test;

/** The aggregate on its own: each step checks the state first; facts stay distinct; deadlines move with the steps. */
class WorkOrderTest {

	static final WorkingCalendar calendar = BundledCalendarFixture.calendar();
	static final RuleProfile STANDARD = RectificationProperties.Profile.STANDARD.toRules("standard");
	static final UnreachableAfterAttempts THREE = new UnreachableAfterAttempts(3);

	static WorkOrder received() {
		WorkOrder o = new WorkOrder();
		o.id = 1;
		o.orderNo = "GD1";
		o.source = WorkOrderSource.BAD_REVIEW;
		o.state = WorkOrderState.RECEIVED;
		o.regionCode = "980101000000";
		o.departmentCode = "D";
		o.openedAt = china("2026-09-30T10:00:00");
		return o;
	}

	static void expectWrongState(Runnable step) {
		assertThatThrownBy(step::run).isInstanceOf(HcpException.class)
			.satisfies(e -> assertThat(((HcpException) e).code()).isIn("WRONG_STATE", "NO_REVISIT_OUTCOME"));
	}

	@Test
	void a_step_out_of_order_is_refused_and_changes_nothing() {
		WorkOrder o = received();
		Instant at = china("2026-09-30T11:00:00");
		expectWrongState(() -> o.verify(at, "a", "b", "c", STANDARD, calendar));
		expectWrongState(() -> o.rectifyAtOnce(at, "e", List.of(), STANDARD, calendar));
		expectWrongState(() -> o.reply(at, "r"));
		expectWrongState(() -> o.revisit(at, RevisitOutcome.SATISFIED, null, 0, THREE, STANDARD, calendar));
		expectWrongState(() -> o.close(at, null));
		assertThat(o.state).isEqualTo(WorkOrderState.RECEIVED);
		assertThat(o.steps).isEmpty();
	}

	@Test
	void dispatch_sets_the_verification_deadline_and_verification_the_rectification_deadline_from_dispatch() {
		WorkOrder o = received();
		o.dispatch(china("2026-09-30T11:00:00"), STANDARD, calendar);
		assertThat(o.deadline).isEqualTo(china("2026-10-09T00:00:00"));
		assertThat(o.deadlineStep).isEqualTo("VERIFY");
		o.verify(china("2026-10-08T09:00:00"), "评价人", "电话", "属实", STANDARD, calendar);
		// 10 working days after Wed Sep 30: Oct 8, 9, 10 (make-up Saturday), 12–16, 19, 20 → due by the end of Tue Oct 20
		assertThat(o.deadline).isEqualTo(china("2026-10-21T00:00:00"));
		assertThat(o.steps).extracting(WorkOrder.Step::action).containsExactly("dispatch", "verify");
	}

	@Test
	void rectified_replied_and_revisited_are_separate_facts() {
		WorkOrder o = received();
		o.dispatch(china("2026-11-23T09:00:00"), STANDARD, calendar);
		o.verify(china("2026-11-23T10:00:00"), "评价人", "电话", "属实", STANDARD, calendar);
		o.rectifyAtOnce(china("2026-11-23T11:00:00"), "已培训", List.of(), STANDARD, calendar);
		assertThat(o.rectifiedAt).isNotNull();
		assertThat(o.repliedAt).isNull();
		assertThat(o.deadline).isEqualTo(china("2026-12-01T00:00:00"));
		o.reply(china("2026-11-23T12:00:00"), "已整改");
		assertThat(o.repliedAt).isNotNull();
		assertThat(o.revisitOutcome).isNull();
		assertThat(o.raterAnswer).isNull();
		o.raterAnswered(china("2026-11-23T13:00:00"), RaterAnswer.SATISFIED);
		assertThat(o.state).isEqualTo(WorkOrderState.REPLIED);
		o.revisit(china("2026-11-24T09:00:00"), RevisitOutcome.PARTLY_SATISFIED, null, 0, THREE, STANDARD, calendar);
		assertThat(o.state).isEqualTo(WorkOrderState.REVISITED);
		assertThat(o.deadline).isNull();
		o.close(china("2026-11-24T10:00:00"), "销号");
		assertThat(o.state).isEqualTo(WorkOrderState.CLOSED);
	}

	@Test
	void a_ledger_entry_that_was_reported_unrectifiable_and_sent_back_is_a_ledger_entry_again() {
		WorkOrder o = received();
		o.dispatch(china("2026-11-23T09:00:00"), STANDARD, calendar);
		o.verify(china("2026-11-23T10:00:00"), "评价人", "电话", "属实", STANDARD, calendar);
		o.enterInLedger(china("2026-11-23T11:00:00"), java.time.LocalDate.of(2026, 12, 1), "更换设备");
		o.reportUnrectifiable("上位法规定");
		o.returnUnrectifiable("可先优化");
		assertThat(o.state).isEqualTo(WorkOrderState.RECTIFYING);
		assertThat(o.deadline).isEqualTo(china("2026-12-02T00:00:00"));
	}

	@Test
	void a_pause_for_one_appeal_refuses_another_and_a_resume_for_another_changes_nothing() {
		WorkOrder o = received();
		o.dispatch(china("2026-11-23T09:00:00"), STANDARD, calendar);
		assertThat(o.pauseForAppeal(5, china("2026-11-23T10:00:00"))).isTrue();
		assertThat(o.pauseForAppeal(5, china("2026-11-23T10:00:00"))).isFalse();
		assertThatThrownBy(() -> o.pauseForAppeal(6, china("2026-11-23T11:00:00"))).isInstanceOf(HcpException.class);
		Instant deadline = o.deadline;
		assertThat(o.resumeAfterAppeal(6, china("2026-11-26T10:00:00"), STANDARD, calendar)).isFalse();
		assertThat(o.deadline).isEqualTo(deadline);
		assertThat(o.resumeAfterAppeal(5, china("2026-11-26T10:00:00"), STANDARD, calendar)).isTrue();
		assertThat(o.deadline).isEqualTo(china("2026-11-28T00:00:00"));
	}
}
