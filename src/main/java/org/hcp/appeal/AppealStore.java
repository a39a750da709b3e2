package org.hcp.appeal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.hcp.security.RegionScope;
import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The appeals, their evidence and decisions, in plain SQL. */
@Repository
class AppealStore {

	private static final String COLUMNS = """
			id, order_id, order_no, evaluation_ids, case_nos, region_code, department_code, staff_no, reason,
			evidence_text, filed_by_user, filed_by_key, filed_by, filed_by_role, order_received_at, filed_at, decide_by,
			state, overdue_flagged_at, decided_at""";

	private final JdbcClient jdbc;

	AppealStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new pending appeal; empty when the order has an appeal already (the database keeps one per order). */
	Optional<Long> insert(StoredAppeal a) {
		return jdbc.sql("""
				insert into apl_appeal(order_id, order_no, evaluation_ids, case_nos, region_code, department_code, staff_no,
				  reason, evidence_text, filed_by_user, filed_by_key, filed_by, filed_by_role, order_received_at, filed_at,
				  decide_by, state)
				values (:orderId, :orderNo, :evaluationIds, :caseNos, :region, :department, :staff, :reason, :evidenceText,
				  :user, :key, :by, :role, :receivedAt, :filedAt, :decideBy, 'PENDING')
				on conflict on constraint apl_one_appeal_per_order do nothing
				returning id""")
			.param("orderId", a.orderId())
			.param("orderNo", a.orderNo())
			.param("evaluationIds", a.evaluationIds().toArray(Long[]::new))
			.param("caseNos", a.caseNos().toArray(String[]::new))
			.param("region", a.regionCode())
			.param("department", a.departmentCode())
			.param("staff", a.staffNo())
			.param("reason", a.reason())
			.param("evidenceText", a.evidenceText())
			.param("user", a.filedByUser())
			.param("key", a.filedByKey())
			.param("by", a.filedBy())
			.param("role", a.filedByRole())
			.param("receivedAt", Timestamp.from(a.orderReceivedAt()))
			.param("filedAt", Timestamp.from(a.filedAt()))
			.param("decideBy", Timestamp.from(a.decideBy()))
			.query(Long.class)
			.optional();
	}

	Optional<StoredAppeal> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from apl_appeal where id = :id").param("id", id).query(AppealStore::read)
			.optional();
	}

	Optional<StoredAppeal> forOrder(long orderId) {
		return jdbc.sql("select " + COLUMNS + " from apl_appeal where order_id = :id").param("id", orderId)
			.query(AppealStore::read)
			.optional();
	}

	/**
	 * A page of the appeals inside the scope, newest first — pending ones by their deadline first when only pending
	 * are asked for. {@code overdue}: only those (not) pending past their deadline — flagged, or as of {@code now}.
	 */
	List<StoredAppeal> page(RegionScope scope, RegionCode within, AppealState state, Boolean overdue, Instant now,
			int page, int size) {
		return jdbc.sql("select " + COLUMNS + """
				 from apl_appeal
				where (cast(:prefix as varchar) is null or region_code like :prefix)
				  and (cast(:department as varchar) is null or department_code = :department)
				  and (cast(:staff as varchar) is null or staff_no = :staff)
				  and (cast(:within as varchar) is null or region_code like :within)
				  and (cast(:state as varchar) is null or state = :state)
				  and (cast(:overdue as boolean) is null or (state = 'PENDING' and (overdue_flagged_at is not null or decide_by <= :now)) = :overdue)
				order by case when state = 'PENDING' then 0 else 1 end, case when state = 'PENDING' then decide_by end,
				  filed_at desc, id desc
				limit :limit offset :offset""")
			.param("prefix", scope.region().map(r -> r.prefix() + "%").orElse(null))
			.param("department", scope.department().orElse(null))
			.param("staff", scope.staff().orElse(null))
			.param("within", within == null ? null : within.prefix() + "%")
			.param("state", state == null ? null : state.name())
			.param("overdue", overdue)
			.param("now", Timestamp.from(now))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(AppealStore::read)
			.list();
	}

	/** Decides a pending appeal; false when it was decided meanwhile (a concurrent decision). */
	boolean close(long id, AppealState state, Instant at) {
		return jdbc.sql("""
				update apl_appeal set state = :state, decided_at = :at where id = :id and state = 'PENDING'""")
			.param("state", state.name())
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

	/** Pending appeals past their deadline that were not flagged yet, oldest deadline first. */
	List<StoredAppeal> overdueUnflagged(Instant asOf, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from apl_appeal where state = 'PENDING' and decide_by <= :asOf and overdue_flagged_at is null
				order by decide_by, id limit :limit""")
			.param("asOf", Timestamp.from(asOf))
			.param("limit", limit)
			.query(AppealStore::read)
			.list();
	}

	/** Flags one appeal overdue, once: false when it was flagged or decided meanwhile. */
	boolean flagOverdue(long id, Instant at) {
		return jdbc.sql("""
				update apl_appeal set overdue_flagged_at = :at
				where id = :id and state = 'PENDING' and overdue_flagged_at is null""")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

	void addEvidence(long appealId, EvidenceRules.CheckedFile file, Instant at) {
		jdbc.sql("""
				insert into apl_evidence(appeal_id, file_name, content_type, size_bytes, digest, content, stored_at)
				values (:appeal, :name, :type, :size, :digest, :content, :at)""")
			.param("appeal", appealId)
			.param("name", file.fileName())
			.param("type", file.contentType())
			.param("size", file.content().length)
			.param("digest", file.digest())
			.param("content", file.content())
			.param("at", Timestamp.from(at))
			.update();
	}

	List<AppealView.Evidence> evidenceOf(long appealId) {
		return jdbc.sql("select id, file_name, content_type, size_bytes from apl_evidence where appeal_id = :id order by id")
			.param("id", appealId)
			.query((rs, i) -> new AppealView.Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	Optional<EvidenceFile> evidence(long appealId, long evidenceId) {
		return jdbc.sql("select file_name, content_type, content from apl_evidence where appeal_id = :appeal and id = :id")
			.param("appeal", appealId)
			.param("id", evidenceId)
			.query((rs, i) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	long insertDecision(StoredAppeal a, AppealDecision d, Actor by, Instant at, boolean late) {
		return jdbc.sql("""
				insert into apl_decision(appeal_id, order_id, order_no, evaluation_ids, region_code, department_code,
				  staff_no, outcome, reason, decided_by_user, decided_by_key, decided_by, decided_by_role, filed_at,
				  decide_by, decided_at, late)
				values (:appeal, :orderId, :orderNo, :evaluationIds, :region, :department, :staff, :outcome, :reason,
				  :user, :key, :by, :role, :filedAt, :decideBy, :at, :late)
				returning id""")
			.param("appeal", a.id())
			.param("orderId", a.orderId())
			.param("orderNo", a.orderNo())
			.param("evaluationIds", a.evaluationIds().toArray(Long[]::new))
			.param("region", a.regionCode())
			.param("department", a.departmentCode())
			.param("staff", a.staffNo())
			.param("outcome", d.outcome().name())
			.param("reason", d.reason())
			.param("user", by.userId())
			.param("key", by.keyId())
			.param("by", by.name())
			.param("role", by.role())
			.param("filedAt", Timestamp.from(a.filedAt()))
			.param("decideBy", Timestamp.from(a.decideBy()))
			.param("at", Timestamp.from(at))
			.param("late", late)
			.query(Long.class)
			.single();
	}

	Optional<AppealView.Decision> decisionOf(long appealId) {
		return jdbc.sql("""
				select id, outcome, reason, decided_by, decided_by_role, decided_at, late from apl_decision
				where appeal_id = :id""")
			.param("id", appealId)
			.query((rs, i) -> new AppealView.Decision(rs.getLong(1), AppealOutcome.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getBoolean(7)))
			.optional();
	}

	static StoredAppeal read(ResultSet rs, int row) throws SQLException {
		return new StoredAppeal(rs.getLong("id"), rs.getLong("order_id"), rs.getString("order_no"),
				Arrays.asList((Long[]) array(rs.getArray("evaluation_ids"))),
				Arrays.asList((String[]) array(rs.getArray("case_nos"))), rs.getString("region_code"),
				rs.getString("department_code"), rs.getString("staff_no"), rs.getString("reason"),
				rs.getString("evidence_text"), (Long) rs.getObject("filed_by_user"), (Long) rs.getObject("filed_by_key"),
				rs.getString("filed_by"), rs.getString("filed_by_role"), instant(rs, "order_received_at"),
				instant(rs, "filed_at"), instant(rs, "decide_by"), AppealState.valueOf(rs.getString("state")),
				instant(rs, "overdue_flagged_at"), instant(rs, "decided_at"));
	}

	private static Object array(Array array) throws SQLException {
		return array.getArray();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
