package org.hcp.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hcp.evaluation.Channel;
import org.junit.jupiter.api.Test;

/** Evaluator and QR ratings only come with a binding token; other channels need none. */
class BindingTokenRequiredTest {

	@Test
	void qr_and_evaluator_ratings_without_a_token_are_refused() {
		assertThatThrownBy(() -> BindingTokenRequired.check(Channel.QR_CODE, false)).extracting("code")
			.isEqualTo("TOKEN_REQUIRED");
		assertThatThrownBy(() -> BindingTokenRequired.check(Channel.HALL_EVALUATOR, false)).extracting("code")
			.isEqualTo("TOKEN_REQUIRED");
	}

	@Test
	void with_a_token_or_on_another_channel_they_pass() {
		assertThatCode(() -> BindingTokenRequired.check(Channel.QR_CODE, true)).doesNotThrowAnyException();
		assertThatCode(() -> BindingTokenRequired.check(Channel.WEB_PORTAL, false)).doesNotThrowAnyException();
	}
}
