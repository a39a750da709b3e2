package org.hcp.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class PrivacyKeyMissingAnalyzerTest {

	@Test
	void without_a_key_the_platform_refuses_to_start_with_its_own_failure() {
		assertThatThrownBy(() -> new PersonalData(new PrivacyProperties(null, null, false)))
			.isInstanceOf(PrivacyKeyMissing.class);
		assertThatThrownBy(() -> new PersonalData(new PrivacyProperties("", "", false)))
			.isInstanceOf(PrivacyKeyMissing.class);
	}

	@Test
	void a_missing_key_is_explained_in_one_paragraph_with_how_to_make_one() {
		Throwable startFailure = new BeanCreationException("personalData", "Failed to instantiate",
				new PrivacyKeyMissing());
		FailureAnalysis analysis = new PrivacyKeyMissingAnalyzer().analyze(startFailure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("HCP_PRIVACY_KEY", "HCP_PRIVACY_KEY_FILE", "32");
		assertThat(analysis.getAction()).contains("openssl rand -base64 32", "head -c 32 /dev/urandom | base64",
				"--spring.profiles.active=demo");
		assertThat((analysis.getDescription() + "\n" + analysis.getAction()).lines()).hasSizeLessThan(12);
	}

	@Test
	void other_start_failures_are_left_to_spring_boot() {
		assertThat(new PrivacyKeyMissingAnalyzer().analyze(new IllegalStateException("port in use"))).isNull();
	}
}
