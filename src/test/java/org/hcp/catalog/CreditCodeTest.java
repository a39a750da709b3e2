package org.hcp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

	@Test
	void a_credit_code_with_the_right_check_character_is_valid() {
		assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
		assertThat(CreditCode.isValid("91110000802100433B")).isTrue();
	}

	@Test
	void a_wrong_check_character_length_or_letter_is_invalid() {
		assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
		assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
		assertThat(CreditCode.isValid("91350100I000100Y43")).isFalse();
	}
}
