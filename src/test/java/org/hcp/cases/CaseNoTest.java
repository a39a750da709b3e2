package org.hcp.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hcp.shared.HcpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseNoTest {

	@ParameterizedTest
	@ValueSource(strings = { "DEMO-0001", "330106201910120001", "ZJ_2026.11-0001", "a" })
	void letters_digits_dash_underscore_and_dot_make_a_case_number(String text) {
		assertThat(CaseNo.parse("caseNo", text).value()).isEqualTo(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "A B", "A'B", "A\"B", "A|B", "A{B", "A^B", "A/B", "A%2FB", "A\u0000B", "A\tB", "..", ".A",
			"-A", "办件001", "A;B" })
	void anything_else_is_refused_naming_the_field(String text) {
		assertThatThrownBy(() -> CaseNo.parse("projectNo", text)).isInstanceOfSatisfying(HcpException.class, e -> {
			assertThat(e.status().value()).isEqualTo(422);
			assertThat(e.fields()).extracting(f -> f.field()).containsExactly("projectNo");
		});
	}

	@Test
	void a_case_number_has_at_most_64_characters() {
		assertThat(CaseNo.isWellFormed("A".repeat(64))).isTrue();
		assertThat(CaseNo.isWellFormed("A".repeat(65))).isFalse();
	}

	@Test
	void a_missing_case_number_is_required() {
		assertThatThrownBy(() -> CaseNo.parse("caseNo", " ")).isInstanceOfSatisfying(HcpException.class,
				e -> assertThat(e.code()).isEqualTo("REQUIRED"));
	}
}
