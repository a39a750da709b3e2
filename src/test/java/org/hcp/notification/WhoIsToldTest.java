package org.hcp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.hcp.rectification.WorkOrderAdvanced;
import org.hcp.rectification.WorkOrderOverdue;
import org.hcp.rectification.WorkOrderState;
import org.junit.jupiter.api.Test;

/** Who is told of which step of a work order (domain §7, §8). */
class WhoIsToldTest {

	private static final String COUNTY = "980101000000";
	private static final String DEPARTMENT = "11980101MB0000000X";
	private static final Instant AT = Instant.parse("2026-10-08T02:00:00Z");

	private static WorkOrderAdvanced step(String action, WorkOrderState from, WorkOrderState to) {
		return new WorkOrderAdvanced(7, "GD7", action, from, to, COUNTY, DEPARTMENT, "STF1", AT);
	}

	private static List<String> told(List<Notice> notices) {
		return notices.stream().map(n -> n.topic() + "→" + n.to().kind() + ":" + n.to().value()).toList();
	}

	@Test
	void a_dispatch_tells_the_department_and_the_rated_staff_member() {
		assertThat(told(WhoIsTold.of(step("dispatch", WorkOrderState.RECEIVED, WorkOrderState.DISPATCHED))))
			.containsExactly("ORDER_DISPATCHED→DEPARTMENT:" + DEPARTMENT, "ORDER_ABOUT_YOUR_SERVICE→STAFF:STF1");
	}

	@Test
	void an_extension_request_tells_the_office_of_the_region_and_its_decision_tells_the_department() {
		assertThat(told(WhoIsTold.of(step("request-extension", WorkOrderState.VERIFIED, WorkOrderState.VERIFIED))))
			.containsExactly("EXTENSION_REQUESTED→OFFICE:" + COUNTY);
		assertThat(told(WhoIsTold.of(step("approve-extension", WorkOrderState.VERIFIED, WorkOrderState.VERIFIED))))
			.containsExactly("EXTENSION_APPROVED→DEPARTMENT:" + DEPARTMENT);
		assertThat(told(WhoIsTold.of(step("refuse-extension", WorkOrderState.VERIFIED, WorkOrderState.VERIFIED))))
			.containsExactly("EXTENSION_REFUSED→DEPARTMENT:" + DEPARTMENT);
	}

	@Test
	void cannot_be_rectified_tells_the_office_and_its_decision_tells_the_department() {
		assertThat(told(WhoIsTold.of(step("report-unrectifiable", WorkOrderState.VERIFIED,
				WorkOrderState.UNRECTIFIABLE_REPORTED)))).containsExactly("UNRECTIFIABLE_REPORTED→OFFICE:" + COUNTY);
		assertThat(told(WhoIsTold.of(step("return-unrectifiable", WorkOrderState.UNRECTIFIABLE_REPORTED,
				WorkOrderState.VERIFIED)))).containsExactly("UNRECTIFIABLE_SENT_BACK→DEPARTMENT:" + DEPARTMENT);
		assertThat(told(WhoIsTold.of(step("return-unrectifiable", WorkOrderState.UNRECTIFIABLE_REPORTED,
				WorkOrderState.RECTIFYING)))).as("back to a ledger entry")
			.containsExactly("UNRECTIFIABLE_SENT_BACK→DEPARTMENT:" + DEPARTMENT);
		assertThat(told(WhoIsTold.of(step("approve-unrectifiable", WorkOrderState.UNRECTIFIABLE_REPORTED,
				WorkOrderState.UNRECTIFIABLE_APPROVED)))).containsExactly("UNRECTIFIABLE_APPROVED→DEPARTMENT:" + DEPARTMENT);
	}

	@Test
	void appeal_steps_tell_the_office_and_then_the_department_and_the_staff_member() {
		assertThat(told(WhoIsTold.of(step("pause-for-appeal", WorkOrderState.DISPATCHED, WorkOrderState.DISPATCHED))))
			.containsExactly("APPEAL_FILED→OFFICE:" + COUNTY);
		assertThat(told(WhoIsTold.of(step("resume-after-appeal", WorkOrderState.DISPATCHED, WorkOrderState.DISPATCHED))))
			.containsExactly("APPEAL_REJECTED→DEPARTMENT:" + DEPARTMENT, "APPEAL_REJECTED→STAFF:STF1");
		assertThat(told(WhoIsTold.of(step("close-by-appeal", WorkOrderState.DISPATCHED, WorkOrderState.CLOSED_BY_APPEAL))))
			.containsExactly("APPEAL_UPHELD→DEPARTMENT:" + DEPARTMENT, "APPEAL_UPHELD→STAFF:STF1");
	}

	@Test
	void a_revisit_tells_the_office_a_reopening_and_the_closing_tell_the_department() {
		assertThat(told(WhoIsTold.of(step("revisit", WorkOrderState.REPLIED, WorkOrderState.REVISITED))))
			.containsExactly("ORDER_REVISITED→OFFICE:" + COUNTY);
		assertThat(told(WhoIsTold.of(step("reopen", WorkOrderState.REPLIED, WorkOrderState.VERIFIED))))
			.containsExactly("ORDER_REOPENED→DEPARTMENT:" + DEPARTMENT);
		assertThat(told(WhoIsTold.of(step("close", WorkOrderState.REVISITED, WorkOrderState.CLOSED))))
			.containsExactly("ORDER_CLOSED→DEPARTMENT:" + DEPARTMENT);
	}

	@Test
	void steps_the_department_takes_itself_tell_nobody() {
		assertThat(WhoIsTold.of(step("verify", WorkOrderState.DISPATCHED, WorkOrderState.VERIFIED))).isEmpty();
		assertThat(WhoIsTold.of(step("rectify-at-once", WorkOrderState.VERIFIED, WorkOrderState.RECTIFIED))).isEmpty();
		assertThat(WhoIsTold.of(step("enter-in-ledger", WorkOrderState.VERIFIED, WorkOrderState.RECTIFYING))).isEmpty();
		assertThat(WhoIsTold.of(step("rectify", WorkOrderState.RECTIFYING, WorkOrderState.RECTIFIED))).isEmpty();
		assertThat(WhoIsTold.of(step("reply", WorkOrderState.RECTIFIED, WorkOrderState.REPLIED))).isEmpty();
		assertThat(WhoIsTold.of(step("call-attempt", WorkOrderState.REPLIED, WorkOrderState.REPLIED))).isEmpty();
		assertThat(WhoIsTold.of(step("invalidate", WorkOrderState.RECEIVED, WorkOrderState.INVALID))).isEmpty();
		assertThat(WhoIsTold.of(step("open", null, WorkOrderState.RECEIVED))).isEmpty();
	}

	@Test
	void facts_recorded_without_a_change_of_state_tell_nobody_again() {
		for (String action : java.util.List.of("attach-evidence", "reveal-mobile", "rater-answer", "call-attempt")) {
			assertThat(WhoIsTold.of(step(action, WorkOrderState.UNRECTIFIABLE_REPORTED,
					WorkOrderState.UNRECTIFIABLE_REPORTED))).as(action).isEmpty();
			assertThat(WhoIsTold.of(step(action, WorkOrderState.REVISITED, WorkOrderState.REVISITED))).as(action).isEmpty();
		}
		assertThat(told(WhoIsTold.of(step("escalate", WorkOrderState.UNRECTIFIABLE_REPORTED,
				WorkOrderState.UNRECTIFIABLE_REPORTED)))).as("an escalation is told in any state")
			.contains("ORDER_SUPERVISED→DEPARTMENT:" + DEPARTMENT);
	}

	@Test
	void an_overdue_step_tells_the_department_and_the_office_of_its_region() {
		var overdue = new WorkOrderOverdue(7, "GD7", "VERIFY", COUNTY, DEPARTMENT, AT, 1, false, AT);
		assertThat(told(WhoIsTold.of(overdue))).containsExactly("ORDER_OVERDUE→DEPARTMENT:" + DEPARTMENT,
				"ORDER_OVERDUE→OFFICE:" + COUNTY);
	}

	@Test
	void an_escalation_also_tells_the_office_of_the_region_above() {
		var escalated = new WorkOrderOverdue(7, "GD7", "RECTIFY", COUNTY, DEPARTMENT, AT, 2, true, AT);
		assertThat(told(WhoIsTold.of(escalated))).containsExactly("ORDER_ESCALATED→DEPARTMENT:" + DEPARTMENT,
				"ORDER_ESCALATED→OFFICE:" + COUNTY, "ORDER_ESCALATED→OFFICE:980100000000");
		var province = new WorkOrderOverdue(7, "GD7", "RECTIFY", "980000000000", DEPARTMENT, AT, 2, true, AT);
		assertThat(told(WhoIsTold.of(province))).as("a province has no office above it")
			.containsExactly("ORDER_ESCALATED→DEPARTMENT:" + DEPARTMENT, "ORDER_ESCALATED→OFFICE:980000000000");
	}

	@Test
	void an_order_still_overdue_too_long_is_supervised_and_tells_the_office_above_too() {
		assertThat(told(WhoIsTold.of(step("escalate", WorkOrderState.VERIFIED, WorkOrderState.VERIFIED)))).containsExactly(
				"ORDER_SUPERVISED→DEPARTMENT:" + DEPARTMENT, "ORDER_SUPERVISED→OFFICE:" + COUNTY,
				"ORDER_SUPERVISED→OFFICE:980100000000");
	}

	@Test
	void one_event_gives_each_addressee_one_key_and_the_same_keys_when_delivered_again() {
		var dispatched = step("dispatch", WorkOrderState.RECEIVED, WorkOrderState.DISPATCHED);
		List<String> keys = WhoIsTold.of(dispatched).stream().map(Notice::key).toList();
		assertThat(keys).doesNotHaveDuplicates();
		assertThat(WhoIsTold.of(dispatched).stream().map(Notice::key).toList()).isEqualTo(keys);
	}
}
