package org.hcp.catalog;

import java.time.Duration;
import java.util.List;

import org.hcp.shared.Level;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The indicator table in force, kept in memory because every rating asks for it ({@link CatalogCaches#INDICATORS}).
 * A publication here drops it after commit; another instance's publication is seen within {@link #RECHECK}.
 */
@Component
class IndicatorCatalog {

	static final Duration RECHECK = Duration.ofSeconds(30);
	private static final String CURRENT = "current";

	private final JdbcClient jdbc;
	private final Cache cache;

	IndicatorCatalog(JdbcClient jdbc, CacheManager caches) {
		this.jdbc = jdbc;
		this.cache = caches.getCache(CatalogCaches.INDICATORS);
	}

	IndicatorSet current() {
		return cache.get(CURRENT, () -> {
			int version = currentVersion();
			return IndicatorSet.of(version, indicators(version));
		});
	}

	/** The highest published version; 0 if nothing was ever published. */
	int currentVersion() {
		return jdbc.sql("select coalesce(max(version), 0) from cat_indicator_version where status = 'PUBLISHED'")
			.query(Integer.class)
			.single();
	}

	List<Indicator> indicators(int version) {
		return jdbc.sql("select code, level, family, text from cat_indicator where version = :version order by code")
			.param("version", version)
			.query((rs, n) -> new Indicator(version, rs.getString("code"), Level.ofStars("level", rs.getInt("level")),
					ChannelFamily.valueOf(rs.getString("family")), rs.getString("text")))
			.list();
	}

	/** Forgets the cached table once the current transaction commits (at once outside a transaction). */
	void forgetAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			cache.evict(CURRENT);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				cache.evict(CURRENT);
			}
		});
	}
}
