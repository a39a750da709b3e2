package org.hcp.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hcp.catalog.StaffView;
import org.hcp.shared.HcpException;
import org.junit.jupiter.api.Test;

/** 一码一账号: a QR code binds a staff member at their own window only. */
class OneCodeOneAccountTest {

	static StaffView staff(String window, boolean active) {
		return new StaffView("S1", "王*", "INST-1", window, "DEPT-1", null, null, active);
	}

	@Test
	void a_staff_member_at_their_own_window_gets_a_code() {
		assertThatCode(() -> OneCodeOneAccount.check(staff("W1", true), "W1")).doesNotThrowAnyException();
	}

	@Test
	void a_staff_member_the_catalog_places_elsewhere_or_nowhere_gets_none_and_the_error_names_staff_no() {
		assertThatThrownBy(() -> OneCodeOneAccount.check(staff("W2", true), "W1")).isInstanceOf(HcpException.class)
			.satisfies(e -> org.assertj.core.api.Assertions.assertThat(((HcpException) e).fields())
				.extracting("field").containsExactly("staffNo"))
			.extracting("code").isEqualTo("STAFF_NOT_AT_WINDOW");
		assertThatThrownBy(() -> OneCodeOneAccount.check(staff(null, true), "W1")).extracting("code")
			.isEqualTo("STAFF_NOT_AT_WINDOW");
	}

	@Test
	void an_inactive_staff_member_gets_none() {
		assertThatThrownBy(() -> OneCodeOneAccount.check(staff("W1", false), "W1")).extracting("code")
			.isEqualTo("STAFF_INACTIVE");
	}
}
