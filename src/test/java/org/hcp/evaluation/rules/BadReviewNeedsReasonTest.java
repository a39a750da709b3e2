package org.hcp.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hcp.shared.Level;
import org.junit.jupiter.api.Test;

/** domain §4: a bad review (≤ 2 stars) without any indicator and without text is refused. */
class BadReviewNeedsReasonTest {

	@Test
	void a_bad_review_without_indicator_or_text_is_refused() {
		assertThat(BadReviewNeedsReason.check(Level.DISSATISFIED, List.of(), null)).isPresent();
		assertThat(BadReviewNeedsReason.check(Level.VERY_DISSATISFIED, List.of(), "  ")).isPresent();
	}

	@Test
	void a_bad_review_with_an_indicator_or_a_text_is_accepted() {
		assertThat(BadReviewNeedsReason.check(Level.DISSATISFIED, List.of("201"), null)).isEmpty();
		assertThat(BadReviewNeedsReason.check(Level.DISSATISFIED, List.of(), "等候时间长")).isEmpty();
	}

	@Test
	void a_good_review_needs_nothing() {
		assertThat(BadReviewNeedsReason.check(Level.FAIRLY_SATISFIED, List.of(), null)).isEmpty();
	}
}
