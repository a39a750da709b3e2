package org.hcp.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcp.evaluation.rules.RuleFixtures.*;

import org.junit.jupiter.api.Test;

/** A QR code rates only a service its staff member gave at its window: both must match the service event. */
class ServedAtThatWindowTest {

	@Test
	void the_latest_service_by_that_staff_member_at_that_window_is_rated() {
		var c = promised(event(1, ACCEPTED, "S1", "W1"), event(2, COMPLETED, "S2", "W2"), event(3, COMPLETED, "S1", "W1"));
		assertThat(ServedAtThatWindow.find(c, "S1", "W1")).get().extracting("serviceNo").isEqualTo(3);
	}

	@Test
	void the_same_staff_member_at_another_window_is_not_that_window() {
		var c = onTheSpot(COMPLETED, event(1, ACCEPTED, "S1", "W2"));
		assertThat(ServedAtThatWindow.find(c, "S1", "W1")).isEmpty();
	}

	@Test
	void another_staff_member_at_that_window_is_not_that_staff_member() {
		var c = onTheSpot(COMPLETED, event(1, ACCEPTED, "S2", "W1"));
		assertThat(ServedAtThatWindow.find(c, "S1", "W1")).isEmpty();
	}

	@Test
	void a_service_without_staff_or_window_matches_nothing() {
		var c = onTheSpot(COMPLETED, event(1, ACCEPTED, null, null));
		assertThat(ServedAtThatWindow.find(c, "S1", "W1")).isEmpty();
	}
}
