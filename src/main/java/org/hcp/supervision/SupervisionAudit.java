package org.hcp.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.hcp.security.Caller;
import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only audit of supervision (sup_audit): every draw, assignment, call attempt, reveal of a number and
 * finding, with who (person or key), their role, when, and what. Written in the transaction of the step it records.
 */
@Component
class SupervisionAudit {

	enum Subject {
		SAMPLE, CALL, FINDING
	}

	/** One audit row as the API shows it. */
	record Entry(long id, Subject subject, long subjectId, String action, String actor, String role, String detail,
			Instant at) {
	}

	private final JdbcClient jdbc;

	SupervisionAudit(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(Subject subject, long subjectId, RegionCode region, String action, String detail, Instant at) {
		Caller caller = Caller.current().orElse(null);
		jdbc.sql("""
				insert into sup_audit (subject, subject_id, region_code, action, actor, actor_user, actor_key, actor_role,
				  detail, at)
				values (:subject, :id, :region, :action, :actor, :user, :key, :role, :detail, :at)""")
			.param("subject", subject.name())
			.param("id", subjectId)
			.param("region", region == null ? null : region.value())
			.param("action", action)
			.param("actor", actorName(caller))
			.param("user", caller == null ? null : caller.userId())
			.param("key", caller == null ? null : caller.keyId())
			.param("role", caller == null || caller.mainRole() == null ? null : caller.mainRole().name())
			.param("detail", detail)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The audit of one subject, in the order it was written. */
	List<Entry> of(Subject subject, long subjectId) {
		return jdbc.sql("""
				select id, subject, subject_id, action, actor, actor_role, detail, at from sup_audit
				where subject = :subject and subject_id = :id order by id""")
			.param("subject", subject.name())
			.param("id", subjectId)
			.query((rs, n) -> new Entry(rs.getLong("id"), Subject.valueOf(rs.getString("subject")), rs.getLong("subject_id"),
					rs.getString("action"), rs.getString("actor"), rs.getString("actor_role"), rs.getString("detail"),
					rs.getTimestamp("at").toInstant()))
			.list();
	}

	static String actorName(Caller caller) {
		if (caller == null) {
			return "system";
		}
		String name = caller.name() == null ? (caller.isPerson() ? "user " + caller.userId() : "key " + caller.keyId())
				: caller.name();
		return name.length() > 100 ? name.substring(0, 100) : name;
	}
}
