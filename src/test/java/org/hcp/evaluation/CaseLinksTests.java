package org.hcp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.hcp.privacy.PersonalData;
import org.hcp.privacy.PrivacyProperties;
import org.hcp.shared.PublicAddress;
import org.junit.jupiter.api.Test;

/** The case short link's code: names the case, cannot be forged or altered (the pages then find no case). */
class CaseLinksTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
	private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key, 32 bytes long......".getBytes());

	private final CaseLinks links = links(KEY);

	private static CaseLinks links(String key) {
		return new CaseLinks(new PersonalData(new PrivacyProperties(key, null, false)), null,
				new PublicAddress("https://hcp.example.gov.cn/"));
	}

	@Test
	void a_code_names_its_case_and_round_trips() {
		for (long id : new long[] { 1, 42, 1_000_000_007L, Long.MAX_VALUE }) {
			String code = links.codeOf(id);
			assertThat(code).matches("[A-Za-z0-9_-]{22}");
			assertThat(links.caseIdOf(code)).contains(id);
		}
		assertThat(links.codeOf(42)).isEqualTo(links.codeOf(42)).isNotEqualTo(links.codeOf(43));
	}

	@Test
	void the_link_is_the_public_base_and_the_code() {
		assertThat(links.urlOf(42)).isEqualTo("https://hcp.example.gov.cn/c/" + links.codeOf(42));
	}

	@Test
	void a_code_with_any_character_changed_names_no_case() {
		String code = links.codeOf(123_456);
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			String tampered = code.substring(0, i) + (c == 'A' ? 'B' : 'A') + code.substring(i + 1);
			assertThat(links.caseIdOf(tampered)).as("changed at " + i + ": " + tampered).isEmpty();
		}
	}

	@Test
	void another_case_id_with_the_old_signature_names_no_case() {
		byte[] raw = Base64.getUrlDecoder().decode(links.codeOf(100));
		raw[7] = 101;
		assertThat(links.caseIdOf(Base64.getUrlEncoder().withoutPadding().encodeToString(raw))).isEmpty();
	}

	@Test
	void a_code_made_with_another_key_names_no_case() {
		assertThat(links.caseIdOf(links(OTHER_KEY).codeOf(100))).isEmpty();
	}

	@Test
	void malformed_codes_name_no_case() {
		assertThat(links.caseIdOf(null)).isEmpty();
		assertThat(links.caseIdOf("")).isEmpty();
		assertThat(links.caseIdOf("short")).isEmpty();
		assertThat(links.caseIdOf(links.codeOf(5) + "A")).isEmpty();
		assertThat(links.caseIdOf("!!!!!!!!!!!!!!!!!!!!!!")).isEmpty();
		assertThat(links.caseIdOf(links.codeOf(0))).as("id 0 is no case").isEmpty();
	}
}
