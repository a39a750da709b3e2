package org.hcp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A binding-token secret shorter than 32 bytes could be guessed: it is refused at start-up. */
class TokenSecretTests {

	private static TokenProperties withSecret(String secret) {
		return new TokenProperties(secret, Duration.ofMinutes(30), Duration.ofDays(1));
	}

	@Test
	void a_binding_token_secret_shorter_than_32_bytes_is_refused() {
		assertThatThrownBy(() -> withSecret("short-secret"))
			.hasMessageContaining("hcp.tokens.secret")
			.hasMessageContaining("at least 32");
		assertThatThrownBy(() -> withSecret("x".repeat(31))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void a_secret_of_32_bytes_or_none_at_all_is_accepted() {
		assertThat(withSecret("x".repeat(32)).secret()).hasSize(32);
		assertThat(withSecret(null).secret()).isNull();
		assertThat(withSecret("").secret()).isEmpty();
	}

	@Test
	void the_application_does_not_start_with_a_short_secret() {
		new ApplicationContextRunner().withUserConfiguration(Binding.class)
			.withPropertyValues("hcp.tokens.secret=too-short")
			.run(context -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("at least 32"));
	}

	@EnableConfigurationProperties(TokenProperties.class)
	static class Binding {
	}
}
