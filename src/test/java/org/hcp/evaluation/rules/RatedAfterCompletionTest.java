package org.hcp.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hcp.evaluation.rules.RuleFixtures.*;

import org.hcp.shared.HcpException;
import org.junit.jupiter.api.Test;

/** domain §6.1: on-the-spot and online cases are rated after completion; a 承诺件 visit may be rated before. */
class RatedAfterCompletionTest {

	@Test
	void an_on_the_spot_case_not_yet_completed_cannot_be_rated() {
		assertThatThrownBy(() -> RatedAfterCompletion.check(onTheSpot(null, event(1, ACCEPTED, "S1", "W1"))))
			.isInstanceOf(HcpException.class).extracting("code").isEqualTo("NOT_COMPLETED");
	}

	@Test
	void an_online_case_not_yet_completed_cannot_be_rated() {
		assertThatThrownBy(() -> RatedAfterCompletion.check(online(null))).extracting("code").isEqualTo("NOT_COMPLETED");
	}

	@Test
	void a_completed_case_and_a_promised_visit_can_be_rated() {
		assertThatCode(() -> RatedAfterCompletion.check(onTheSpot(COMPLETED, event(1, ACCEPTED, "S1", "W1"))))
			.doesNotThrowAnyException();
		assertThatCode(() -> RatedAfterCompletion.check(promised(event(1, ACCEPTED, "S1", "W1"))))
			.doesNotThrowAnyException();
	}
}
