package org.hcp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SMS replies are read after NFKC normalisation: full-width digits and spaces are what phones often send. */
class SmsRepliesTest {

	@Test
	void full_width_digits_and_spaces_are_folded_to_ascii() {
		assertThat(SmsReplies.normalised("５")).isEqualTo("5");
		assertThat(SmsReplies.normalised("２　等候时间长")).isEqualTo("2 等候时间长");
		assertThat(SmsReplies.normalised(null)).isEmpty();
	}
}
