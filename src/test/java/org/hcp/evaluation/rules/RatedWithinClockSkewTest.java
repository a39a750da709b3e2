package org.hcp.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcp.evaluation.rules.RuleFixtures.*;

import java.time.Duration;
import java.time.Instant;

import org.hcp.shared.ClockSkew;
import org.hcp.shared.FieldProblem;
import org.junit.jupiter.api.Test;

/** A rating is not older than what it rates nor in the future, each up to the one hcp.clock-skew setting. */
class RatedWithinClockSkewTest {

	static final ClockSkew FIVE_MINUTES = new ClockSkew(Duration.ofMinutes(5));
	static final Instant NOW = COMPLETED.plusSeconds(3600);

	@Test
	void a_rating_up_to_the_skew_before_completion_is_accepted_one_second_more_is_not() {
		var c = onTheSpot(COMPLETED, event(1, ACCEPTED, "S1", "W1"));
		assertThat(RatedWithinClockSkew.check(c, c.events().get(0), COMPLETED.minusSeconds(300), NOW, FIVE_MINUTES)).isEmpty();
		assertThat(RatedWithinClockSkew.check(c, c.events().get(0), COMPLETED.minusSeconds(301), NOW, FIVE_MINUTES))
			.extracting(FieldProblem::field).containsExactly("ratedAt");
	}

	@Test
	void a_rating_up_to_the_skew_in_the_future_is_accepted_one_second_more_is_not() {
		var c = onTheSpot(COMPLETED, event(1, ACCEPTED, "S1", "W1"));
		assertThat(RatedWithinClockSkew.check(c, c.events().get(0), NOW.plusSeconds(300), NOW, FIVE_MINUTES)).isEmpty();
		assertThat(RatedWithinClockSkew.check(c, c.events().get(0), NOW.plusSeconds(301), NOW, FIVE_MINUTES))
			.extracting(FieldProblem::field).containsExactly("ratedAt");
	}

	@Test
	void a_visit_of_a_promised_case_is_rated_from_the_visit_on() {
		var visit = event(2, COMPLETED, "S1", "W1");
		var c = promised(event(1, ACCEPTED, "S1", "W1"), visit);
		assertThat(RatedWithinClockSkew.check(c, visit, COMPLETED.minusSeconds(301), NOW, FIVE_MINUTES)).hasSize(1);
		assertThat(RatedWithinClockSkew.check(c, visit, COMPLETED, NOW, FIVE_MINUTES)).isEmpty();
	}

	@Test
	void the_setting_changes_the_tolerance() {
		var c = onTheSpot(COMPLETED, event(1, ACCEPTED, "S1", "W1"));
		assertThat(RatedWithinClockSkew.check(c, c.events().get(0), NOW.plusSeconds(60), NOW,
				new ClockSkew(Duration.ZERO))).hasSize(1);
	}
}
