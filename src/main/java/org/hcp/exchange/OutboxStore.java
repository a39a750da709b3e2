package org.hcp.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox 上报队列 (ADR 0032): which rows are due, what happened to each push, the backlog, and re-queueing for
 * 补报. The rows themselves are written by database triggers in the transaction of each fact.
 */
@Component
class OutboxStore {

	/**
	 * One queued fact. {@code relayed}: a fact a lower platform sent us (its ref in that source's table, as a relayed
	 * appeal decision's in {@code rct_remote_appeal}), not one of our own.
	 */
	record Row(long id, RecordKind kind, boolean relayed, long refId, Long refSub, String caseKey, String regionCode,
			Instant occurredAt, Instant queuedAt, String status, int attempts, Instant lastAttemptAt,
			Instant nextAttemptAt, Instant sentAt, String errorCode, String errorMessage) {
	}

	/** The backlog: unsent rows, failed among them, and the oldest unsent one's queue time. */
	record Backlog(long pending, long failed, Instant oldestUnsentAt) {
	}

	private static final String COLUMNS = "id, kind, source, ref_id, ref_sub, case_key, region_code, occurred_at, "
			+ "queued_at, status, attempts, last_attempt_at, next_attempt_at, sent_at, error_code, error_message";

	private final JdbcClient jdbc;

	OutboxStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks up to {@code limit} due rows in id order, none of them behind an earlier unsent row of the same case (so a
	 * case's records go up in order), skipping rows another worker holds. Call inside the batch's transaction.
	 */
	List<Row> claimDue(Instant now, int limit) {
		return jdbc.sql("select " + COLUMNS + " from xch_outbox o where o.status <> 'SENT' and o.next_attempt_at <= :now"
				+ " and not exists (select 1 from xch_outbox e where e.case_key = o.case_key and e.status <> 'SENT'"
				+ " and e.id < o.id) order by o.id limit :limit for update skip locked")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(OutboxStore::row)
			.list();
	}

	void markSent(long id, Instant at) {
		jdbc.sql("update xch_outbox set status = 'SENT', sent_at = :at, last_attempt_at = :at, attempts = attempts + 1,"
				+ " error_code = null, error_message = null where id = :id")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	void markFailed(long id, Instant at, Instant next, String code, String message) {
		jdbc.sql("update xch_outbox set status = 'FAILED', last_attempt_at = :at, attempts = attempts + 1,"
				+ " next_attempt_at = :next, error_code = :code, error_message = :message where id = :id")
			.param("at", Timestamp.from(at))
			.param("next", Timestamp.from(next))
			.param("code", cut(code, 64))
			.param("message", cut(message, 1000))
			.param("id", id)
			.update();
	}

	Backlog backlog() {
		return jdbc.sql("select count(*) as pending, count(*) filter (where status = 'FAILED') as failed,"
				+ " min(queued_at) as oldest from xch_outbox where status <> 'SENT'")
			.query((rs, n) -> new Backlog(rs.getLong("pending"), rs.getLong("failed"), instant(rs, "oldest")))
			.single();
	}

	/** A page of rows, newest first, filtered by status and by region prefix (empty: everywhere). */
	List<Row> page(Optional<String> status, String regionPrefix, int page, int size) {
		return jdbc.sql("select " + COLUMNS + " from xch_outbox where (:status::varchar is null or status = :status)"
				+ " and region_code like :prefix order by id desc limit :size offset :offset")
			.param("status", status.orElse(null))
			.param("prefix", regionPrefix + "%")
			.param("size", size)
			.param("offset", (long) page * size)
			.query(OutboxStore::row)
			.list();
	}

	long count(Optional<String> status, String regionPrefix) {
		return jdbc.sql("select count(*) from xch_outbox where (:status::varchar is null or status = :status)"
				+ " and region_code like :prefix")
			.param("status", status.orElse(null))
			.param("prefix", regionPrefix + "%")
			.query(Long.class)
			.single();
	}

	/** 补报 of what failed: due now, recording who asked. */
	int resendFailed(String regionPrefix, Instant now, String by) {
		return jdbc.sql("update xch_outbox set next_attempt_at = :now, resend_by = :by, resend_at = :now"
				+ " where status = 'FAILED' and region_code like :prefix")
			.param("now", Timestamp.from(now))
			.param("by", cut(by, 100))
			.param("prefix", regionPrefix + "%")
			.update();
	}

	/** The scheduled 补报: rows unsent since before {@code queuedBefore} are due now whatever their backoff. */
	int resendStuck(Instant queuedBefore, Instant now) {
		return jdbc.sql("update xch_outbox set next_attempt_at = :now, resend_by = 'exchange-resend', resend_at = :now"
				+ " where status <> 'SENT' and queued_at < :before and next_attempt_at > :now")
			.param("now", Timestamp.from(now))
			.param("before", Timestamp.from(queuedBefore))
			.update();
	}

	/**
	 * 补报 of a period and/or region from the source tables: every fact whose time lies in [from, to) and whose region
	 * starts with the prefix is queued again (also facts from before an upper platform was registered, and appeal
	 * decisions relayed from a lower platform). Rows of a fact already waiting untouched are not doubled. Returns how
	 * many rows were queued.
	 */
	int requeue(Instant from, Instant to, String regionPrefix, Instant now, String by) {
		String insert = "insert into xch_outbox (kind, source, ref_id, ref_sub, case_key, region_code, occurred_at,"
				+ " queued_at, next_attempt_at, resend_by, resend_at) ";
		String notWaiting = " and not exists (select 1 from xch_outbox w where w.case_key = f.case_key"
				+ " and w.kind = f.kind and w.source = f.source and w.ref_id = f.ref_id"
				+ " and w.ref_sub is not distinct from f.ref_sub and w.status <> 'SENT')";
		String tail = ") f where f.region_code like :prefix and f.occurred_at >= :from and f.occurred_at < :to"
				+ notWaiting + " order by f.occurred_at, f.ref_id";
		String select = "select f.kind, f.source, f.ref_id, f.ref_sub, f.case_key, f.region_code, f.occurred_at, :now,"
				+ " :now, :by, :now from (";
		String[] facts = {
				"select 'SERVICE'::varchar as kind, 'LOCAL'::varchar as source, c.id as ref_id,"
						+ " s.service_no::bigint as ref_sub, c.case_no as case_key, c.region_code, s.occurred_at"
						+ " from cas_service_event s join cas_case c on c.id = s.case_id",
				"select 'EVALUATE'::varchar as kind, 'LOCAL'::varchar as source, e.id as ref_id, null::bigint as ref_sub,"
						+ " e.case_no as case_key, e.region_code, e.assessed_at as occurred_at from evl_evaluation e",
				"select 'RECTIFICATION'::varchar as kind, 'LOCAL'::varchar as source, a.id as ref_id,"
						+ " l.evaluation_id as ref_sub, l.case_no as case_key, o.region_code, a.at as occurred_at"
						+ " from rct_audit a join rct_order_rating l on l.order_id = a.order_id"
						+ " join rct_work_order o on o.id = a.order_id where a.to_state is not null",
				"select 'APPEAL'::varchar as kind, 'LOCAL'::varchar as source, d.id as ref_id, e.id as ref_sub,"
						+ " e.case_no as case_key, d.region_code, d.decided_at as occurred_at from apl_decision d"
						+ " join evl_evaluation e on e.id = any (d.evaluation_ids)",
				"select 'APPEAL'::varchar as kind, 'RELAYED'::varchar as source, r.id as ref_id, e.id as ref_sub,"
						+ " e.case_no as case_key, e.region_code, r.decided_at as occurred_at from rct_remote_appeal r"
						+ " join evl_evaluation e on e.id = r.evaluation_id" };
		int queued = 0;
		for (String fact : facts) {
			queued += jdbc.sql(insert + select + fact + tail)
				.param("now", Timestamp.from(now))
				.param("by", cut(by, 100))
				.param("prefix", regionPrefix + "%")
				.param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.update();
		}
		return queued;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		long sub = rs.getLong("ref_sub");
		Long refSub = rs.wasNull() ? null : sub;
		return new Row(rs.getLong("id"), RecordKind.valueOf(rs.getString("kind")), "RELAYED".equals(rs.getString("source")),
				rs.getLong("ref_id"), refSub, rs.getString("case_key"), rs.getString("region_code"),
				instant(rs, "occurred_at"), instant(rs, "queued_at"), rs.getString("status"), rs.getInt("attempts"),
				instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"),
				rs.getString("error_code"), rs.getString("error_message"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
