package org.hcp.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hcp.shared.RegionCode;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API keys: only a SHA-256 of each key is stored; the plain key is shown once, when it is created. Look-ups are
 * cached by that hash ({@link ApiKeyCache}), so the plain key is kept nowhere, not even in memory.
 */
@Service
public class ApiKeys {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Cache cache;

	ApiKeys(JdbcClient jdbc, Clock clock, CacheManager caches) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.cache = caches.getCache(ApiKeyCache.NAME);
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
		Optional<byte[]> revoked = jdbc.sql("""
				update sec_api_key set revoked_at = :now where id = :id and revoked_at is null returning key_hash""")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.query(byte[].class)
			.optional();
		revoked.ifPresent(hash -> cache.evict(cacheKey(hash)));
		return revoked.isPresent();
	}

	/** Every key without its hash: id, name, role, region, created, revoked. */
	public List<Map<String, Object>> list() {
		return jdbc.sql("select id, name, role, region_code, created_at, revoked_at from sec_api_key order by id")
			.query((rs, i) -> {
				Map<String, Object> key = new LinkedHashMap<>();
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

	/**
	 * Makes sure a key chosen by configuration exists with the given role (the bootstrap key). A key that was revoked
	 * stays revoked: the answer is then false, and the key is refused like any other revoked key.
	 */
	public boolean ensure(String name, Role role, String key) {
		byte[] hash = hash(key);
		jdbc.sql("""
				insert into sec_api_key(name, key_hash, role, region_code, created_at)
				values (:name, :hash, :role, null, :now)
				on conflict (key_hash) do update set role = excluded.role where sec_api_key.revoked_at is null""")
			.param("name", name)
			.param("hash", hash)
			.param("role", role.name())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		cache.evict(cacheKey(hash));
		return jdbc.sql("select revoked_at is null from sec_api_key where key_hash = :hash")
			.param("hash", hash)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Known keys are cached by their hash; an unknown key is not, so that a flood of made-up keys cannot push the
	 * real ones out of the cache.
	 */
	Optional<Caller> authenticate(String key) {
		byte[] hash = hash(key);
		String cacheKey = cacheKey(hash);
		Caller cached = cache.get(cacheKey, Caller.class);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Caller> found = find(hash);
		found.ifPresent(caller -> cache.put(cacheKey, caller));
		return found;
	}

	private Optional<Caller> find(byte[] hash) {
		return jdbc.sql("""
				select id, name, role, region_code from sec_api_key where key_hash = :hash and revoked_at is null""")
			.param("hash", hash)
			.query((rs, i) -> Caller.apiKey(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
					rs.getString("region_code") == null ? null : new RegionCode(rs.getString("region_code"))))
			.optional();
	}

	private long store(String name, Role role, RegionCode region, String key) {
		return jdbc.sql("""
				insert into sec_api_key(name, key_hash, role, region_code, created_at)
				values (:name, :hash, :role, :region, :now) returning id""")
			.param("name", name)
			.param("hash", hash(key))
			.param("role", role.name())
			.param("region", region == null ? null : region.value())
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	private static String cacheKey(byte[] hash) {
		return HexFormat.of().formatHex(hash);
	}

	static byte[] hash(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
