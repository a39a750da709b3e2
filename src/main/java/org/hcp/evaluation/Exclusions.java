package org.hcp.evaluation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends rating exclusions (evl_exclusion) and reads what still counts (the view evl_counted). Nothing here changes
 * a rating: an exclusion is its own append-only row, and a rating excluded once stays excluded by that first
 * decision.
 */
@Repository
class Exclusions {

	private final JdbcClient jdbc;

	Exclusions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Region codes of the stored ratings among these ids (unknown ids are missing from the answer). */
	List<Rated> regionsOf(Collection<Long> ids) {
		return jdbc.sql("select id, region_code from evl_evaluation where id = any(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query((rs, i) -> new Rated(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** Appends one exclusion per rating not yet excluded; returns how many were new. */
	int append(Collection<Long> ids, ExclusionReason reason, String decisionReference, String by, String role,
			Instant at) {
		return jdbc.sql("""
				insert into evl_exclusion(evaluation_id, reason, decision_ref, excluded_by, excluded_by_role, excluded_at)
				select id, :reason, :ref, :by, :role, :at from unnest(:ids::bigint[]) as u(id)
				on conflict (evaluation_id) do nothing""")
			.param("ids", ids.toArray(Long[]::new))
			.param("reason", reason.name())
			.param("ref", decisionReference)
			.param("by", by)
			.param("role", role)
			.param("at", Timestamp.from(at))
			.update();
	}

	Set<Long> excludedAmong(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("select evaluation_id from evl_exclusion where evaluation_id = any(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	/** Counts over evl_counted in a region (its prefix) and period [from, to). */
	CountedRatings count(String regionPrefix, Instant from, Instant to) {
		return jdbc.sql("""
				select count(*), count(*) filter (where level >= 3), count(*) filter (where level <= 2),
				       count(*) filter (where not is_default), count(*) filter (where not is_default and level >= 3),
				       (select count(*) from evl_exclusion x join evl_evaluation e on e.id = x.evaluation_id
				        where e.region_code like :prefix and e.assessed_at >= :from and e.assessed_at < :to)
				from evl_counted
				where region_code like :prefix and assessed_at >= :from and assessed_at < :to""")
			.param("prefix", regionPrefix + "%")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, i) -> new CountedRatings(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6)))
			.single();
	}

	record Rated(long id, String regionCode) {
	}
}
