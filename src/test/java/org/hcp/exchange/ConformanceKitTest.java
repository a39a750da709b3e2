package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The kit's command line: what it needs is required, and what is secret is never printed. */
class ConformanceKitTest {

	private static final String KEY = Sm2.generate().privateKey();

	@Test
	void every_argument_but_the_public_key_is_required() {
		assertThatThrownBy(() -> ConformanceKit.parse(new String[] { "--url", "http://x/api/exchange/v1/national",
				"--app-id", "a", "--secret", "s", "--sign-mode", "SM2_SIGN", "--private-key", KEY, "--area-code", "330106",
				"--dept-code", "D1" })).hasMessageContaining("--task-code");
	}

	@Test
	void an_unknown_sign_mode_or_a_malformed_private_key_is_refused() {
		assertThatThrownBy(() -> ConformanceKit.parse(args("SM3", KEY))).hasMessageContaining("--sign-mode");
		assertThatThrownBy(() -> ConformanceKit.parse(args("SM2_SIGN", "abc"))).hasMessageContaining("--private-key");
	}

	@Test
	void the_target_never_shows_its_secret_or_private_key() {
		ConformanceKit.Target target = ConformanceKit.parse(args("SM2_ENCRYPT", KEY));
		assertThat(target.publicKey()).isNull();
		assertThat(target.toString()).doesNotContain(KEY).doesNotContain("s3cret");
	}

	private static String[] args(String mode, String key) {
		return new String[] { "--url", "http://x/api/exchange/v1/national", "--app-id", "a", "--secret", "s3cret",
				"--sign-mode", mode, "--private-key", key, "--area-code", "330106", "--dept-code", "D1", "--task-code", "T1" };
	}
}
