package org.hcp.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Keys derive from the master key by HKDF-SM3: deterministic, separated by label, and not the old labelled HMAC. */
class KeyDerivationTests {

	static final byte[] MASTER = Base64.getDecoder().decode("dGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg5YWJjZGVmZ2hpams=");

	@Test
	void the_same_master_and_label_give_the_same_key() {
		assertThat(new KeyDerivation(MASTER).key("hcp/lookup", 32)).isEqualTo(new KeyDerivation(MASTER.clone()).key("hcp/lookup", 32));
	}

	@Test
	void different_labels_give_different_keys() {
		KeyDerivation keys = new KeyDerivation(MASTER);
		assertThat(keys.key("hcp/lookup", 32)).isNotEqualTo(keys.key("hcp/encryption", 32));
		assertThat(keys.key("hcp/derived/a", 32)).isNotEqualTo(keys.key("hcp/derived/b", 32));
	}

	@Test
	void a_different_master_gives_different_keys() {
		byte[] other = MASTER.clone();
		other[0] ^= 1;
		assertThat(new KeyDerivation(MASTER).key("hcp/lookup", 32)).isNotEqualTo(new KeyDerivation(other).key("hcp/lookup", 32));
	}

	@Test
	void a_shorter_key_is_the_prefix_of_a_longer_one_as_hkdf_expand_defines() {
		KeyDerivation keys = new KeyDerivation(MASTER);
		byte[] longer = keys.key("hcp/encryption", 32);
		assertThat(keys.key("hcp/encryption", 16)).isEqualTo(java.util.Arrays.copyOf(longer, 16));
	}

	/** Pinned so that a change of salt, label or digest (which would make stored data unreadable) fails here. */
	@Test
	void the_derivation_matches_its_known_answer() {
		assertThat(HexFormat.of().formatHex(new KeyDerivation(MASTER).key("hcp/lookup", 32))).isEqualTo(KNOWN_LOOKUP);
	}

	@Test
	void the_derived_keys_are_not_the_old_labelled_hmac_keys() {
		assertThat(new KeyDerivation(MASTER).key("hcp/lookup", 32)).isNotEqualTo(Sm3.hmac(MASTER, "hcp/lookup".getBytes()));
	}

	@Test
	void a_value_of_the_pre_release_format_is_refused_with_a_clear_message() {
		PersonalData personal = new PersonalData(new PrivacyProperties(Base64.getEncoder().encodeToString(MASTER), null, false));
		byte[] legacy = personal.encrypt("13800000000");
		legacy[0] = 1;
		assertThatThrownBy(() -> personal.decrypt(legacy)).hasMessageContaining("pre-release key derivation");
	}

	/** RFC 5869 HKDF over SM3, computed independently (Python hmac with OpenSSL SM3). */
	static final String KNOWN_LOOKUP = "94bf6145bf664d62f63f8238b52e66ab21bd3f242a8681308c06c5761c25c19a";
}
