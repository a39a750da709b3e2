package org.hcp.exchange;

import java.sql.Timestamp;
import java.time.Instant;

import org.bouncycastle.util.encoders.Hex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Remembers the signatures of accepted envelopes (their SM3, per peer): the database's primary key decides, so two
 * copies of one request sent at once cannot both pass.
 */
@Service
class ReplayGuard {

	private final JdbcClient jdbc;

	ReplayGuard(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** True the first time this peer's signature is seen; false for a replay. Commits on its own. */
	boolean firstTime(String appId, String sign, Instant at) {
		return jdbc.sql("""
				insert into xch_seen_request (app_id, sign_digest, seen_at) values (:app, :digest, :at)
				on conflict do nothing""")
			.param("app", appId)
			.param("digest", Hex.decode(Sm2.sm3Hex(sign)))
			.param("at", Timestamp.from(at))
			.update() == 1;
	}
}
