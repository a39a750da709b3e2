package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.hcp.shared.HcpException;
import org.junit.jupiter.api.Test;

/** A bad rating opens an order, and the main path of domain §7 takes it to 销号 through the façade, audited. */
class WorkOrderPathIT extends WorkOrderFixtures {

	@Test
	void a_bad_rating_opens_one_order_owned_by_the_department_that_handled_the_case() {
		long id = badReview();
		WorkOrderDetail d = current(id);
		assertThat(d.order().state()).isEqualTo(WorkOrderState.RECEIVED);
		assertThat(d.order().source()).isEqualTo(WorkOrderSource.BAD_REVIEW);
		assertThat(d.order().departmentCode()).isEqualTo(hall().department());
		assertThat(d.order().regionCode()).isEqualTo(hall().region());
		assertThat(d.order().staffNo()).isEqualTo(hall().staffNo());
		assertThat(d.order().caseNos()).hasSize(1);
		assertThat(d.order().evaluationIds()).hasSize(1);
		assertThat(d.raterMobile()).matches("1\\d\\d\\*{4}\\d{4}");
		assertThat(d.level()).isEqualTo(1);
		assertThat(d.timeline()).extracting(TimelineEntry::action).containsExactly("open");
		assertThat(orders.forEvaluation(d.order().evaluationIds().get(0))).map(WorkOrderView::id).contains(id);
	}

	@Test
	void the_main_path_from_first_check_to_close_records_every_step_in_order() {
		long id = badReview();
		WorkOrderDetail closed = takenTo(id, WorkOrderState.CLOSED);
		assertThat(closed.order().state()).isEqualTo(WorkOrderState.CLOSED);
		assertThat(closed.timeline()).extracting(TimelineEntry::action)
			.containsExactly("open", "dispatch", "verify", "rectify-at-once", "reply", "revisit", "close");
		assertThat(closed.timeline()).extracting(TimelineEntry::role)
			.containsExactly(null, "HOTLINE", "DEPARTMENT", "DEPARTMENT", "DEPARTMENT", "HOTLINE", "OFFICE");
		assertThat(closed.timeline().get(2).details()).contains("评价人赵六", "电话");
		// replied, rectified with evidence and rater confirmed stay distinct facts
		assertThat(closed.rectifiedAt()).isNotNull();
		assertThat(closed.rectifyMode()).isEqualTo(RectifyMode.AT_ONCE);
		assertThat(closed.repliedAt()).isNotNull();
		assertThat(closed.raterAnswer()).isNull();
		assertThat(closed.revisitOutcome()).isEqualTo(RevisitOutcome.SATISFIED);
		assertThat(jdbc.sql("select count(*) from rct_audit where order_id = :id").param("id", id).query(Long.class).single())
			.isEqualTo(7);
	}

	@Test
	void a_valid_first_check_dispatches_the_order_to_the_department_with_a_verification_deadline() {
		long id = badReview();
		as(hotline());
		WorkOrderDetail d = orders.dispatch(id, version(id));
		assertThat(d.order().state()).isEqualTo(WorkOrderState.DISPATCHED);
		assertThat(d.order().receivedAt()).isNotNull();
		assertThat(d.order().deadline()).isAfter(d.order().receivedAt());
		assertThat(d.deadlineStep()).isEqualTo("VERIFY");
		assertThat(d.holder()).isEqualTo("DEPARTMENT");
	}

	@Test
	void an_invalid_first_check_needs_a_reason_and_ends_the_order() {
		long id = badReview();
		as(hotline());
		int v = version(id);
		as(hotline());
		assertThatThrownBy(() -> orders.invalidate(id, v, " ")).isInstanceOf(HcpException.class)
			.hasMessageContaining("REQUIRED");
		as(hotline());
		WorkOrderDetail d = orders.invalidate(id, v, "评价人表示误操作");
		assertThat(d.order().state()).isEqualTo(WorkOrderState.INVALID);
		assertThat(d.order().deadline()).isNull();
		assertThat(d.timeline().get(1).reason()).isEqualTo("评价人表示误操作");
	}

	@Test
	void only_the_12345_operator_does_the_first_check() {
		long id = badReview();
		int v = version(id);
		as(department());
		assertThatThrownBy(() -> orders.dispatch(id, v)).isInstanceOf(HcpException.class)
			.satisfies(e -> assertThat(((HcpException) e).code()).isEqualTo("ROLE_REQUIRED"));
		assertThat(current(id).order().state()).isEqualTo(WorkOrderState.RECEIVED);
	}

	@Test
	void a_stale_version_is_refused_and_changes_nothing() {
		long id = badReview();
		int v = version(id);
		as(hotline());
		orders.dispatch(id, v);
		as(department());
		assertThatThrownBy(() -> orders.verify(id, v, "评价人", "电话", "属实")).isInstanceOf(HcpException.class)
			.satisfies(e -> {
				assertThat(((HcpException) e).code()).isEqualTo("STALE_VERSION");
				assertThat(((HcpException) e).status().value()).isEqualTo(409);
			});
		assertThat(current(id).order().state()).isEqualTo(WorkOrderState.DISPATCHED);
	}

	@Test
	void nothing_closes_without_a_revisit_outcome() {
		long id = badReview();
		for (WorkOrderState s : List.of(WorkOrderState.RECEIVED, WorkOrderState.DISPATCHED, WorkOrderState.VERIFIED,
				WorkOrderState.RECTIFIED, WorkOrderState.REPLIED)) {
			WorkOrderDetail d = takenTo(id, s);
			as(office());
			assertThatThrownBy(() -> orders.close(id, d.version(), "销号")).isInstanceOf(HcpException.class)
				.satisfies(e -> assertThat(((HcpException) e).code()).isEqualTo("NO_REVISIT_OUTCOME"));
		}
		assertThat(takenTo(id, WorkOrderState.CLOSED).order().state()).isEqualTo(WorkOrderState.CLOSED);
	}
}
