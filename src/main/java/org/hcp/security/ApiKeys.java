package org.hcp.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** API keys: only a SHA-256 of each key is stored; the plain key is shown once, when it is created. */
@Service
public class ApiKeys {

	private static final Duration CACHE_FOR = Duration.ofSeconds(30);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	ApiKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Creates a key; the plain key in the answer is the only time it can be read. */
	public Created create(String name, Role role, RegionCode region) {
		byte[] raw = new byte[24];
		new SecureRandom().nextBytes(raw);
		String key = "hcp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		return new Created(store(name, role, region, key), key);
	}

	/** Revokes a key at once on this instance; other instances stop accepting it within the cache time (30 s). */
	public boolean revoke(long id) {
		int revoked = jdbc.sql("update sec_api_key set revoked_at = :now where id = :id and revoked_at is null")
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		cache.clear();
		return revoked == 1;
	}

	/** Every key without its hash: id, name, role, region, created, revoked. */
	public java.util.List<java.util.Map<String, Object>> list() {
		return jdbc.sql("select id, name, role, region_code, created_at, revoked_at from sec_api_key order by id")
			.query((rs, i) -> {
				java.util.Map<String, Object> key = new java.util.LinkedHashMap<>();
				key.put("id", rs.getLong("id"));
				key.put("name", rs.getString("name"));
				key.put("role", rs.getString("role"));
				key.put("regionCode", rs.getString("region_code"));
				key.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
				key.put("revokedAt", rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant().toString());
				return key;
			})
			.list();
	}

	/** A new key: its id, and the plain key shown once. */
	public record Created(long id, String key) {
	}

	/** Makes sure a key chosen by configuration exists with the given role (bootstrap and demo keys). */
	public void ensure(String name, Role role, String key) {
		jdbc.sql("""
				insert into sec_api_key(name, key_hash, role, region_code, created_at)
				values (:name, :hash, :role, null, :now)
				on conflict (key_hash) do update set role = excluded.role, revoked_at = null""")
			.param("name", name)
			.param("hash", hash(key))
			.param("role", role.name())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.update();
		cache.clear();
	}

	Optional<Caller> authenticate(String key) {
		Instant now = clock.instant();
		Cached cached = cache.get(key);
		if (cached != null && cached.until.isAfter(now)) {
			return cached.caller;
		}
		Optional<Caller> caller = jdbc.sql("""
				select id, name, role, region_code from sec_api_key where key_hash = :hash and revoked_at is null""")
			.param("hash", hash(key))
			.query((rs, i) -> new Caller(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
					rs.getString("region_code") == null ? null : new RegionCode(rs.getString("region_code"))))
			.optional();
		if (cache.size() > 10_000) {
			cache.clear();
		}
		cache.put(key, new Cached(caller, now.plus(CACHE_FOR)));
		return caller;
	}

	private long store(String name, Role role, RegionCode region, String key) {
		return jdbc.sql("""
				insert into sec_api_key(name, key_hash, role, region_code, created_at)
				values (:name, :hash, :role, :region, :now) returning id""")
			.param("name", name)
			.param("hash", hash(key))
			.param("role", role.name())
			.param("region", region == null ? null : region.value())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	static byte[] hash(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private record Cached(Optional<Caller> caller, Instant until) {
	}
}
