package org.hcp.exchange;

import java.util.Optional;

import org.hcp.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The enabled upper platform 上级平台 we push to, as registered in {@code xch_peer}: where, under which app id, with
 * which secret, public key and sign mode. The secret is decrypted only to seal an envelope and never shown or logged.
 */
@Component
class PushTarget {

	/** One upper platform; {@link #toString()} leaves the secret out. */
	record Upper(String appId, String appMark, String endpoint, String publicKey, SignMode signMode, String secret,
			String regionCode) {

		@Override
		public String toString() {
			return "Upper[appId=" + appId + ", appMark=" + appMark + ", endpoint=" + endpoint + ", signMode=" + signMode
					+ "]";
		}
	}

	private final JdbcClient jdbc;
	private final PersonalData personalData;
	private final ExchangeProperties properties;

	PushTarget(JdbcClient jdbc, PersonalData personalData, ExchangeProperties properties) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.properties = properties;
	}

	Optional<Upper> upper() {
		return jdbc.sql("select app_id, our_app_id, endpoint, public_key, sign_mode, secret_enc, region_code from xch_peer"
				+ " where direction = 'UPPER' and enabled")
			.query((rs, n) -> new Upper(rs.getString("app_id"),
					rs.getString("our_app_id") == null ? properties.appId() : rs.getString("our_app_id"),
					rs.getString("endpoint"), rs.getString("public_key"), SignMode.valueOf(rs.getString("sign_mode")),
					personalData.decrypt(rs.getBytes("secret_enc")), rs.getString("region_code")))
			.optional();
	}

	boolean exists() {
		return jdbc.sql("select exists (select 1 from xch_peer where direction = 'UPPER' and enabled)")
			.query(Boolean.class)
			.single();
	}
}
