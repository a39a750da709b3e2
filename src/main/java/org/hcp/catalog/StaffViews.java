package org.hcp.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Staff views are read on every rating (the self-rating check) and change rarely: kept for a minute, and dropped
 * as soon as a write to the staff table commits.
 */
@Component
class StaffViews {

	private static final Duration KEEP = Duration.ofMinutes(1);
	private static final int MAX = 50_000;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	Optional<StaffView> get(String staffNo, Function<String, Optional<StaffView>> load) {
		long now = System.nanoTime();
		Entry entry = entries.get(staffNo);
		if (entry != null && now - entry.loadedAt < KEEP.toNanos()) {
			return entry.view;
		}
		Optional<StaffView> view = load.apply(staffNo);
		if (entries.size() >= MAX) {
			entries.clear();
		}
		entries.put(staffNo, new Entry(view, now));
		return view;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CatalogStore.RowsChanged changed) {
		if (changed.table() == CatalogTable.STAFF) {
			entries.clear();
		}
	}

	private record Entry(Optional<StaffView> view, long loadedAt) {
	}
}
