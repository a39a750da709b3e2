package org.hcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;

import org.hcp.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cache.CacheManager;

import com.github.benmanes.caffeine.cache.Cache;

/** API keys: the bootstrap key, revocation and the look-up cache. */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeysIT extends ApiTest {

	@Autowired
	ApiKeys keys;

	@Autowired
	CacheManager caches;

	private long idOf(String key) {
		return jdbc.sql("select id from sec_api_key where key_hash = :h").param("h", ApiKeys.hash(key)).query(Long.class).single();
	}

	private int statusWith(String key) {
		return anonymous.as(key).get("/api/v1/admin/api-keys").status();
	}

	@Test
	void a_revoked_bootstrap_key_stays_revoked(CapturedOutput output) {
		String key = unique("bootstrap-");
		BootstrapKey start = new BootstrapKey(keys, new SecurityProperties(key, null, null));
		start.ensureBootstrapKey();
		assertThat(statusWith(key)).isEqualTo(200);

		assertThat(admin.delete("/api/v1/admin/api-keys/" + idOf(key)).status()).isEqualTo(204);
		start.ensureBootstrapKey();

		assertThat(statusWith(key)).as("the next start does not bring it back").isEqualTo(401);
		assertThat(jdbc.sql("select revoked_at is not null from sec_api_key where id = :id").param("id", idOf(key))
			.query(Boolean.class).single()).isTrue();
		assertThat(output.getOut()).contains("HCP_BOOTSTRAP_API_KEY names a key that was revoked");
	}

	@Test
	void a_revoked_key_is_refused_at_once_though_it_was_cached() {
		var created = admin.post("/api/v1/admin/api-keys", Map.of("name", unique("cached"), "role", "PLATFORM")).json();
		String key = created.path("key").asString();
		assertThat(anonymous.as(key).get("/api/v1/cases/NONE").status()).isNotEqualTo(401);

		assertThat(admin.delete("/api/v1/admin/api-keys/" + created.path("id").asLong()).status()).isEqualTo(204);

		assertThat(anonymous.as(key).get("/api/v1/cases/NONE").status()).isEqualTo(401);
	}

	@Test
	void api_keys_are_cached_by_their_hash_never_by_the_plain_key() {
		String key = admin.post("/api/v1/admin/api-keys", Map.of("name", unique("hash"), "role", "PLATFORM"))
			.json().path("key").asString();
		anonymous.as(key).get("/api/v1/cases/NONE");

		@SuppressWarnings("unchecked")
		Cache<Object, Object> cache = (Cache<Object, Object>) caches.getCache(ApiKeyCache.NAME).getNativeCache();
		assertThat(cache.asMap()).containsKey(HexFormat.of().formatHex(ApiKeys.hash(key)));
		assertThat(cache.asMap().keySet()).noneMatch(k -> k.toString().contains(key));
		assertThat(cache.asMap().keySet()).noneMatch(k -> k.toString().contains(ADMIN_KEY));
	}

	@Test
	void an_unknown_key_is_not_cached_so_made_up_keys_cannot_push_out_the_real_ones() {
		String madeUp = unique("made-up-");
		assertThat(anonymous.as(madeUp).get("/api/v1/cases/NONE").status()).isEqualTo(401);

		@SuppressWarnings("unchecked")
		Cache<Object, Object> cache = (Cache<Object, Object>) caches.getCache(ApiKeyCache.NAME).getNativeCache();
		assertThat(cache.asMap()).doesNotContainKey(HexFormat.of().formatHex(ApiKeys.hash(madeUp)));
	}
}
