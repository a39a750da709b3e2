package org.hcp.rectification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.hcp.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit of every step (rct_audit, append-only: a trigger refuses UPDATE and DELETE and the runtime role may only
 * insert and read). Who is read from the current {@link Caller}; work without one (jobs, listeners) is "system".
 */
@Component
class AuditTrail {

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(long orderId, Instant at, WorkOrder.Step step) {
		appendAs(null, orderId, at, step);
	}

	/** As {@link #append}, naming who acted when no one is signed in (the rater on the status page). */
	void appendAs(String actorWithoutCaller, long orderId, Instant at, WorkOrder.Step step) {
		Caller caller = Caller.current().orElse(null);
		String nobody = actorWithoutCaller == null ? "system" : actorWithoutCaller;
		jdbc.sql("""
				insert into rct_audit (order_id, at, user_id, key_id, actor, role, action, from_state, to_state, reason, details)
				values (:order, :at, :user, :key, :actor, :role, :action, :from, :to, :reason, :details)""")
			.param("order", orderId)
			.param("at", Timestamp.from(at))
			.param("user", caller == null ? null : caller.userId())
			.param("key", caller == null ? null : caller.keyId())
			.param("actor", caller == null ? nobody : truncate(caller.name(), 100))
			.param("role", caller == null || caller.mainRole() == null ? null : caller.mainRole().name())
			.param("action", step.action())
			.param("from", step.from() == null ? null : step.from().name())
			.param("to", step.to() == null ? null : step.to().name())
			.param("reason", truncate(step.reason(), 2000))
			.param("details", truncate(step.details(), 4000))
			.update();
	}

	/**
	 * A step a lower platform took on its own order (a remote order): the actor is that platform, whoever carried the
	 * record here; no user, key or role of ours.
	 */
	void appendRemote(String peer, long orderId, Instant at, WorkOrder.Step step) {
		jdbc.sql("""
				insert into rct_audit (order_id, at, actor, action, from_state, to_state, reason, details)
				values (:order, :at, :actor, :action, :from, :to, :reason, :details)""")
			.param("order", orderId)
			.param("at", Timestamp.from(at))
			.param("actor", truncate("下级平台 " + peer, 100))
			.param("action", truncate(step.action(), 40))
			.param("from", step.from() == null ? null : step.from().name())
			.param("to", step.to() == null ? null : step.to().name())
			.param("reason", truncate(step.reason(), 2000))
			.param("details", truncate(step.details(), 4000))
			.update();
	}

	/** The audit of an order, in the order it happened. */
	List<TimelineEntry> of(long orderId) {
		return jdbc.sql("""
				select id, at, actor, user_id, key_id, role, action, from_state, to_state, reason, details
				from rct_audit where order_id = :order order by id""")
			.param("order", orderId)
			.query((rs, i) -> new TimelineEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					(Long) rs.getObject("user_id", Long.class), (Long) rs.getObject("key_id", Long.class),
					rs.getString("role"), rs.getString("action"), state(rs.getString("from_state")),
					state(rs.getString("to_state")), rs.getString("reason"), rs.getString("details")))
			.list();
	}

	private static WorkOrderState state(String name) {
		return name == null ? null : WorkOrderState.valueOf(name);
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
