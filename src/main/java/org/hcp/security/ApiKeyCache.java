package org.hcp.security;

import java.time.Duration;

import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The API-key look-up cache: by key hash, for 30 s. A revocation evicts at once on its own instance; other instances
 * stop accepting the key within those 30 s.
 */
@Configuration
class ApiKeyCache {

	static final String NAME = "security-api-keys";

	@Bean
	CacheManagerCustomizer<CaffeineCacheManager> apiKeyCacheSpec() {
		return manager -> manager.registerCustomCache(NAME,
				Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30)).maximumSize(10_000).build());
	}
}
