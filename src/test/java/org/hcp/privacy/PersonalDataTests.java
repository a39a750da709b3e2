package org.hcp.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.hcp.privacy.PersonalData.LookupKind;
import org.junit.jupiter.api.Test;

class PersonalDataTests {

	static final String KEY = "dGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg5YWJjZGVmZ2hpams=";
	final PersonalData personal = new PersonalData(new PrivacyProperties(KEY, null, false));

	@Test
	void personal_data_is_encrypted_and_reads_back() {
		byte[] sealed = personal.encrypt("13812345678");
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("13812345678");
		assertThat(personal.decrypt(sealed)).isEqualTo("13812345678");
	}

	@Test
	void the_same_value_encrypts_differently_each_time() {
		assertThat(personal.encrypt("张三")).isNotEqualTo(personal.encrypt("张三"));
	}

	@Test
	void an_altered_ciphertext_is_detected() {
		byte[] sealed = personal.encrypt("110101199003074512");
		sealed[sealed.length - 1] ^= 1;
		assertThatThrownBy(() -> personal.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void the_lookup_hash_is_stable_keyed_and_kind_specific() {
		byte[] a = personal.lookupHash(LookupKind.MOBILE, "13812345678");
		assertThat(personal.lookupHash(LookupKind.MOBILE, "13812345678")).isEqualTo(a);
		assertThat(personal.lookupHash(LookupKind.ID_NUMBER, "13812345678")).isNotEqualTo(a);
		PersonalData other = new PersonalData(new PrivacyProperties(
				"b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMDEyMzQ1", null, false));
		assertThat(other.lookupHash(LookupKind.MOBILE, "13812345678")).isNotEqualTo(a);
	}

	@Test
	void masks_keep_only_what_identifies_nobody() {
		assertThat(Masks.mobile("13812345678")).isEqualTo("138****5678");
		assertThat(Masks.idNumber("110101199003074512")).isEqualTo("110***********4512");
		assertThat(Masks.name("张三")).isEqualTo("张*");
		assertThat(Masks.name("欧阳娜娜")).isEqualTo("欧***");
		assertThat(new Mobile("13812345678").toString()).isEqualTo("138****5678");
	}

	@Test
	void a_short_key_is_refused_at_start_up() {
		assertThatThrownBy(() -> new PersonalData(new PrivacyProperties("c2hvcnQ=", null, false)))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
	}
}
