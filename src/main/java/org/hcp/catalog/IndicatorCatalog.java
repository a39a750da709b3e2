package org.hcp.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hcp.shared.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The indicator table in force, kept in memory because every rating asks for it. A publication here drops it after
 * commit; another instance's publication is noticed within {@link #RECHECK} by one cheap query.
 */
@Component
class IndicatorCatalog {

	static final Duration RECHECK = Duration.ofSeconds(30);

	private final JdbcClient jdbc;
	private final Clock clock;
	private volatile Cached cached;

	private record Cached(IndicatorSet set, Instant checkedAt) {
	}

	IndicatorCatalog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	IndicatorSet current() {
		Cached seen = cached;
		Instant now = clock.instant();
		if (seen == null || now.isAfter(seen.checkedAt().plus(RECHECK)) || now.isBefore(seen.checkedAt())) {
			seen = refresh(seen, now);
		}
		return seen.set();
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
			cached = null;
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				cached = null;
			}
		});
	}

	private synchronized Cached refresh(Cached seen, Instant now) {
		Cached latest = cached;
		if (latest != null && latest != seen) {
			return latest;
		}
		int version = currentVersion();
		IndicatorSet set = seen != null && seen.set().version() == version ? seen.set()
				: IndicatorSet.of(version, indicators(version));
		cached = new Cached(set, now);
		return cached;
	}
}
