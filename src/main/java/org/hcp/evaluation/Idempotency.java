package org.hcp.evaluation;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hcp.privacy.Sm3;
import org.hcp.shared.HcpException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of rating requests: the first answer to a key, within one scope (the token, or the proven
 * mobile), is kept with the rating it stored, so a request re-sent after a lost answer gets the same answer.
 */
@Repository
class Idempotency {

	/** What a client may send: 1–64 letters, digits, '-' and '_' (a UUID fits). */
	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final JdbcClient jdbc;

	Idempotency(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The key as given, checked; null when none was given. */
	static String checked(String key) {
		if (key == null || key.isEmpty()) {
			return null;
		}
		if (!KEY.matcher(key).matches()) {
			throw HcpException.invalid("Idempotency-Key", "BAD_IDEMPOTENCY_KEY",
					"幂等键须为 1–64 位字母、数字、“-”或“_”", "Idempotency-Key must be 1–64 letters, digits, '-' or '_'");
		}
		return key;
	}

	static byte[] scope(String what) {
		return Sm3.digest(what.getBytes(StandardCharsets.UTF_8));
	}

	Optional<List<Long>> find(byte[] scope, String key) {
		return jdbc.sql("select evaluation_ids from evl_idempotency where scope_hash = :scope and idem_key = :key")
			.param("scope", scope)
			.param("key", key)
			.query((rs, i) -> Arrays.asList((Long[]) rs.getArray(1).getArray()))
			.optional();
	}

	/** Remembers the answer; false when the key was taken meanwhile (then that first answer stands). */
	boolean remember(byte[] scope, String key, List<Long> evaluationIds, Instant at) {
		return jdbc.sql("""
				insert into evl_idempotency (scope_hash, idem_key, evaluation_ids, created_at)
				values (:scope, :key, :ids, :at) on conflict do nothing""")
			.param("scope", scope)
			.param("key", key)
			.param("ids", evaluationIds.toArray(Long[]::new))
			.param("at", Timestamp.from(at))
			.update() == 1;
	}
}
