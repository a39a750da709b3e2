package org.hcp.privacy;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a database whose personal data this application cannot read: one written by a pre-release
 * version (keys derived by labelled HMAC-SM3, marked LEGACY by migration V12), or one written with another master
 * key. Without this check such a database would start and then answer every read of personal data with a 500.
 */
@Component
class KeyDerivationCheck implements InitializingBean {

	static final String HKDF = "HKDF_SM3";

	private final JdbcClient jdbc;
	private final PersonalData personal;

	KeyDerivationCheck(JdbcClient jdbc, PersonalData personal) {
		this.jdbc = jdbc;
		this.personal = personal;
	}

	@Override
	public void afterPropertiesSet() {
		jdbc.sql("""
				insert into prv_key_derivation (id, derivation, key_check) values (1, :hkdf, :check)
				on conflict (id) do nothing""")
			.param("hkdf", HKDF)
			.param("check", personal.keyCheck())
			.update();
		Marker marker = jdbc.sql("select derivation, key_check from prv_key_derivation where id = 1")
			.query((rs, i) -> new Marker(rs.getString(1), rs.getBytes(2)))
			.single();
		if (!HKDF.equals(marker.derivation())) {
			throw new IllegalStateException("""
					This database holds personal data written by a pre-release version, whose keys were derived by labelled \
					HMAC-SM3; this version derives them by HKDF-SM3 and cannot read that data. Re-create the database: stop \
					the application and delete the embedded data directory (the demo: ./data/pg), or drop and re-create the \
					schema of a database server, then start again (see docs/adr/0007).""");
		}
		if (!Arrays.equals(Optional.ofNullable(marker.keyCheck()).orElse(new byte[0]), personal.keyCheck())) {
			throw new IllegalStateException("""
					The personal-data key (HCP_PRIVACY_KEY or hcp.privacy.key-file) is not the key this database was written \
					with, so its personal data cannot be read. Configure the original key, or re-create the database.""");
		}
	}

	private record Marker(String derivation, byte[] keyCheck) {
	}
}
