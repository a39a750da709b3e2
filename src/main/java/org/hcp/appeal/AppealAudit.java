package org.hcp.appeal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every step of every appeal, append-only (apl_audit): who, in which role, when, what and why. */
@Repository
class AppealAudit {

	/** The audited steps. */
	enum Action {
		/** filed, with its reason */
		FILE,
		/** decided, with the outcome and reason */
		DECIDE,
		/** not decided in time, flagged by the job */
		FLAG_OVERDUE
	}

	private final JdbcClient jdbc;

	AppealAudit(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(long appealId, long orderId, Action action, Actor actor, Instant at, String detail) {
		jdbc.sql("""
				insert into apl_audit(appeal_id, order_id, action, actor_user, actor_key, actor, actor_role, at, detail)
				values (:appeal, :order, :action, :user, :key, :actor, :role, :at, :detail)""")
			.param("appeal", appealId)
			.param("order", orderId)
			.param("action", action.name())
			.param("user", actor.userId())
			.param("key", actor.keyId())
			.param("actor", actor.name())
			.param("role", actor.role())
			.param("at", Timestamp.from(at))
			.param("detail", detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000))
			.update();
	}

	/** The steps of one appeal, in the order they happened. */
	List<AppealView.Step> of(long appealId) {
		return jdbc.sql("select action, actor, actor_role, at, detail from apl_audit where appeal_id = :id order by id")
			.param("id", appealId)
			.query((rs, i) -> new AppealView.Step(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}
}
