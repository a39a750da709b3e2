package org.hcp.catalog;

import java.time.Duration;

import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The catalog's caches: read on every rating, changed rarely. A write on this instance evicts after its commit;
 * another instance's write is seen once the entry expires (staff: 1 min, indicator table: 30 s).
 */
@Configuration
class CatalogCaches {

	static final String STAFF = "catalog-staff";
	static final String INDICATORS = "catalog-indicators";

	@Bean
	CacheManagerCustomizer<CaffeineCacheManager> catalogCacheSpecs() {
		return manager -> {
			manager.registerCustomCache(STAFF,
					Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(50_000).build());
			manager.registerCustomCache(INDICATORS,
					Caffeine.newBuilder().expireAfterWrite(IndicatorCatalog.RECHECK).maximumSize(1).build());
		};
	}
}
