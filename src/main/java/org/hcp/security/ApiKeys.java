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

	/** Creates a key and returns it in plain text; this is the only time it can be read. */
	public String create(String name, Role role, RegionCode region) {
		byte[] raw = new byte[24];
		new SecureRandom().nextBytes(raw);
		String key = "hcp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		store(name, role, region, key);
		return key;
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

	private void store(String name, Role role, RegionCode region, String key) {
		jdbc.sql("""
				insert into sec_api_key(name, key_hash, role, region_code, created_at)
				values (:name, :hash, :role, :region, :now)""")
			.param("name", name)
			.param("hash", hash(key))
			.param("role", role.name())
			.param("region", region == null ? null : region.value())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.update();
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
