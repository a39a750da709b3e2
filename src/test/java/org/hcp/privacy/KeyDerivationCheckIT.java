package org.hcp.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hcp.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A database this application cannot read stops it at start with a clear message, never with 500s later. */
class KeyDerivationCheckIT extends ApiTest {

	@Autowired
	PersonalData personal;

	@Autowired
	TransactionTemplate tx;

	/** Runs the start-up check against a changed marker, in a transaction that is rolled back. */
	private void checkWithMarker(String update) {
		tx.executeWithoutResult(status -> {
			status.setRollbackOnly();
			jdbc.sql(update).update();
			new KeyDerivationCheck(jdbc, personal).afterPropertiesSet();
		});
	}

	@Test
	void a_database_of_this_version_passes_the_check() {
		assertThat(jdbc.sql("select derivation from prv_key_derivation").query(String.class).single())
			.isEqualTo(KeyDerivationCheck.HKDF);
		assertThatCode(() -> new KeyDerivationCheck(jdbc, personal).afterPropertiesSet()).doesNotThrowAnyException();
	}

	@Test
	void a_pre_release_database_is_refused_at_start_with_what_to_do() {
		assertThatThrownBy(() -> checkWithMarker("update prv_key_derivation set derivation = 'LEGACY_HMAC_SM3', key_check = null"))
			.hasMessageContaining("pre-release")
			.hasMessageContaining("./data/pg");
	}

	@Test
	void a_database_written_with_another_master_key_is_refused_at_start() {
		assertThatThrownBy(() -> checkWithMarker("update prv_key_derivation set key_check = '\\x00'"))
			.hasMessageContaining("not the key this database was written with");
	}
}
