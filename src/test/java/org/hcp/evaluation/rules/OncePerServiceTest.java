package org.hcp.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcp.evaluation.rules.RuleFixtures.*;

import org.junit.jupiter.api.Test;

/** domain §6.1: each service is rated once; on-the-spot and online cases once as a whole, 承诺件 once per visit. */
class OncePerServiceTest {

	@Test
	void an_on_the_spot_case_has_one_slot_for_the_whole_case() {
		var c = onTheSpot(COMPLETED, event(1, ACCEPTED, "S1", "W1"), event(2, COMPLETED, "S1", "W1"));
		assertThat(OncePerService.slot(c, 1)).isEqualTo(OncePerService.WHOLE_CASE);
		assertThat(OncePerService.slot(c, 2)).isEqualTo(OncePerService.WHOLE_CASE);
	}

	@Test
	void an_online_case_is_rated_once_after_completion() {
		assertThat(OncePerService.ratedOnceAfterCompletion(online(COMPLETED))).isTrue();
		assertThat(OncePerService.slot(online(COMPLETED), 1)).isEqualTo(OncePerService.WHOLE_CASE);
	}

	@Test
	void a_promised_case_at_the_window_has_one_slot_per_visit() {
		var c = promised(event(1, ACCEPTED, "S1", "W1"), event(2, COMPLETED, "S1", "W1"));
		assertThat(OncePerService.ratedOnceAfterCompletion(c)).isFalse();
		assertThat(OncePerService.slot(c, 1)).isEqualTo(1);
		assertThat(OncePerService.slot(c, 2)).isEqualTo(2);
	}
}
