package org.hcp.catalog;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Staff views are read on every rating (the self-rating check) and change rarely: kept for a minute
 * ({@link CatalogCaches#STAFF}), and dropped as soon as a write to the staff table commits.
 */
@Component
class StaffViews {

	private final Cache cache;

	StaffViews(CacheManager caches) {
		this.cache = caches.getCache(CatalogCaches.STAFF);
	}

	Optional<StaffView> get(String staffNo, Function<String, Optional<StaffView>> load) {
		return cache.get(staffNo, () -> load.apply(staffNo));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CatalogStore.RowsChanged changed) {
		if (changed.table() == CatalogTable.STAFF) {
			cache.clear();
		}
	}
}
