package org.hcp.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.junit.jupiter.api.Test;

/** The call task's rules: an answer ends it; unreachable only after the policy's number of unanswered calls. */
class CallTaskTest {

	private static final UnreachableAfterAttempts THREE = new UnreachableAfterAttempts(3);
	private static final Instant AT = Instant.parse("2026-10-12T02:00:00Z");

	@Test
	void unreachable_needs_three_unanswered_attempts() {
		CallTask task = openTask();
		task.record(CallResult.NO_ANSWER, null, THREE, "op", 1L, AT);
		task.record(CallResult.NO_ANSWER, null, THREE, "op", 1L, AT.plusSeconds(3600));
		assertThat(task.state()).isEqualTo(CallTask.State.OPEN);
		assertThat(task.outcome()).isNull();

		CallTask.Attempt third = task.record(CallResult.NO_ANSWER, "关机", THREE, "op", 1L, AT.plusSeconds(7200));

		assertThat(third.number()).isEqualTo(3);
		assertThat(task.state()).isEqualTo(CallTask.State.DONE);
		assertThat(task.outcome()).isEqualTo(CallOutcome.UNREACHABLE);
		assertThat(task.doneAt()).isEqualTo(AT.plusSeconds(7200));
	}

	@Test
	void an_answer_ends_the_call_with_it_whatever_came_before() {
		CallTask task = openTask();
		task.record(CallResult.NO_ANSWER, null, THREE, "op", 1L, AT);
		task.record(CallResult.NOT_SATISFIED, "材料要求反复", THREE, "op", 1L, AT);
		assertThat(task.outcome()).isEqualTo(CallOutcome.NOT_SATISFIED);
		assertThat(task.attempts()).isEqualTo(2);
	}

	@Test
	void a_finished_call_takes_no_further_attempt_nor_assignment() {
		CallTask task = openTask();
		task.record(CallResult.SATISFIED, null, THREE, "op", 1L, AT);
		assertThatThrownBy(() -> task.record(CallResult.NO_ANSWER, null, THREE, "op", 1L, AT))
			.isInstanceOf(HcpException.class).hasMessageContaining("CALL_DONE");
		assertThatThrownBy(() -> task.assignTo(2, "other")).isInstanceOf(HcpException.class);
	}

	@Test
	void the_number_of_attempts_is_the_configured_one() {
		CallTask task = openTask();
		task.record(CallResult.NO_ANSWER, null, new UnreachableAfterAttempts(1), "op", 1L, AT);
		assertThat(task.outcome()).isEqualTo(CallOutcome.UNREACHABLE);
	}

	private static CallTask openTask() {
		return new CallTask(1, 1, 10, "CASE-1", new RegionCode("980101000000"), "DEPT", "ITEM", new Quarter(2026, 3),
				null, null, CallTask.State.OPEN, null, 0, null, 0);
	}
}
