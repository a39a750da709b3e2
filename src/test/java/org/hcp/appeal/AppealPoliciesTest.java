package org.hcp.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.hcp.rectification.WorkOrderSource;
import org.hcp.rectification.WorkOrderState;
import org.hcp.rectification.WorkOrderView;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.junit.jupiter.api.Test;

/** Who may appeal, what may be appealed, and who may not decide (domain §8). */
class AppealPoliciesTest {

	static final RegionCode COUNTY = new RegionCode("980101000000");
	static final String DEPT = "11980101MB0000001X";
	static final Instant RECEIVED = Instant.parse("2026-09-30T02:00:00Z");

	static WorkOrderView order(WorkOrderSource source, WorkOrderState state, Instant receivedAt) {
		return new WorkOrderView(7, "GD-7", source, state, COUNTY.value(), DEPT, "STF-1", List.of(70L), List.of("CASE-7"),
				RECEIVED, receivedAt, null, false, false);
	}

	static final WorkOrderView DISPATCHED = order(WorkOrderSource.BAD_REVIEW, WorkOrderState.DISPATCHED, RECEIVED);

	static Caller person(long id, Set<Role> roles, String department, String staffNo) {
		return Caller.person(id, "user" + id, roles, COUNTY, department, staffNo);
	}

	static StoredAppeal appealFiledBy(Long user, Long key) {
		return new StoredAppeal(1, 7, "GD-7", List.of(70L), List.of("CASE-7"), COUNTY.value(), DEPT, "STF-1", "误评",
				null, user, key, "x", "STAFF", RECEIVED, RECEIVED, RECEIVED, AppealState.PENDING, null, null);
	}

	@Test
	void the_rated_staff_member_appeals_as_staff_and_their_department_as_department() {
		assertThat(WhoMayAppeal.check(person(1, Set.of(Role.STAFF), null, "STF-1"), DISPATCHED)).isEqualTo(Role.STAFF);
		assertThat(WhoMayAppeal.check(person(2, Set.of(Role.DEPARTMENT), DEPT, null), DISPATCHED))
			.isEqualTo(Role.DEPARTMENT);
	}

	@Test
	void another_staff_member_or_department_may_not_appeal() {
		assertThatThrownBy(() -> WhoMayAppeal.check(person(1, Set.of(Role.STAFF), null, "STF-2"), DISPATCHED))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.code()).isEqualTo("NOT_APPELLANT"));
		assertThatThrownBy(() -> WhoMayAppeal.check(person(2, Set.of(Role.DEPARTMENT), "11980101MB0000002X", null),
				DISPATCHED)).isInstanceOf(HcpException.class);
		assertThatThrownBy(() -> WhoMayAppeal.check(person(3, Set.of(Role.OFFICE), null, null), DISPATCHED))
			.isInstanceOf(HcpException.class);
	}

	@Test
	void only_an_open_received_bad_review_order_can_be_appealed() {
		AppealableOrder.check(DISPATCHED);
		assertThatThrownBy(() -> AppealableOrder.check(order(WorkOrderSource.FINDING, WorkOrderState.DISPATCHED, RECEIVED)))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.code()).isEqualTo("NOT_A_BAD_REVIEW"));
		assertThatThrownBy(() -> AppealableOrder.check(order(WorkOrderSource.BAD_REVIEW, WorkOrderState.CLOSED, RECEIVED)))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.code()).isEqualTo("ORDER_CLOSED"));
		assertThatThrownBy(() -> AppealableOrder.check(order(WorkOrderSource.BAD_REVIEW, WorkOrderState.RECEIVED, null)))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.code()).isEqualTo("ORDER_NOT_RECEIVED"));
	}

	@Test
	void nobody_decides_their_own_appeal() {
		StoredAppeal appeal = appealFiledBy(5L, null);
		assertThatThrownBy(() -> NoOwnDecision.check(person(5, Set.of(Role.OFFICE, Role.STAFF), null, null), appeal))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.code()).isEqualTo("OWN_APPEAL"));
		assertThatThrownBy(() -> NoOwnDecision.check(person(6, Set.of(Role.OFFICE), null, "STF-1"), appeal))
			.isInstanceOf(HcpException.class);
		assertThatThrownBy(() -> NoOwnDecision.check(person(6, Set.of(Role.OFFICE), DEPT, null), appeal))
			.isInstanceOf(HcpException.class);
		assertThatThrownBy(() -> NoOwnDecision.check(Caller.apiKey(9, "k", Role.ADMIN, null), appealFiledBy(null, 9L)))
			.isInstanceOf(HcpException.class);
		NoOwnDecision.check(person(6, Set.of(Role.OFFICE), null, null), appeal);
	}

	@Test
	void a_pending_appeal_is_overdue_from_the_instant_its_deadline_passes() {
		Instant decideBy = Instant.parse("2026-10-12T16:00:00Z");
		assertThat(DecisionDeadline.overdue(decideBy, decideBy.minusNanos(1000))).isFalse();
		assertThat(DecisionDeadline.overdue(decideBy, decideBy)).isTrue();
	}
}
