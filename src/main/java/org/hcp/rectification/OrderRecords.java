package org.hcp.rectification;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The records an order keeps beside its row: evidence files, extension requests, replies and call attempts. */
@Repository
class OrderRecords {

	private final JdbcClient jdbc;

	OrderRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ------------------------------------------------------------------------------------------------ evidence

	long addEvidence(long orderId, String fileName, String contentType, byte[] content, Instant at, String by) {
		return jdbc.sql("""
				insert into rct_evidence (order_id, file_name, content_type, size_bytes, sha256, content, uploaded_at, uploaded_by)
				values (:o, :name, :type, :size, :sha, :content, :at, :by) returning id""")
			.param("o", orderId)
			.param("name", fileName)
			.param("type", contentType)
			.param("size", content.length)
			.param("sha", sha256(content))
			.param("content", content)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	List<EvidenceView> evidence(long orderId) {
		return jdbc.sql("""
				select id, file_name, content_type, size_bytes, used_by, uploaded_at, uploaded_by from rct_evidence
				where order_id = :o order by id""")
			.param("o", orderId)
			.query(OrderRecords::evidenceView)
			.list();
	}

	Optional<EvidenceFile> evidenceFile(long orderId, long evidenceId) {
		return jdbc.sql("""
				select id, file_name, content_type, size_bytes, used_by, uploaded_at, uploaded_by, content from rct_evidence
				where order_id = :o and id = :id""")
			.param("o", orderId)
			.param("id", evidenceId)
			.query((rs, i) -> new EvidenceFile(evidenceView(rs, i), rs.getBytes("content")))
			.optional();
	}

	/** Marks files of this order as used by a step; the ids that are not this order's unused files are returned. */
	List<Long> useEvidence(long orderId, List<Long> ids, String step) {
		List<Long> missing = new java.util.ArrayList<>();
		for (Long id : ids) {
			int marked = jdbc.sql("update rct_evidence set used_by = :step where id = :id and order_id = :o and used_by is null")
				.param("step", step)
				.param("id", id)
				.param("o", orderId)
				.update();
			if (marked == 0) {
				missing.add(id);
			}
		}
		return missing;
	}

	private static EvidenceView evidenceView(ResultSet rs, int i) throws SQLException {
		return new EvidenceView(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
				rs.getInt("size_bytes"), rs.getString("used_by"), rs.getTimestamp("uploaded_at").toInstant(),
				rs.getString("uploaded_by"));
	}

	// ------------------------------------------------------------------------------------------------ extensions

	void requestExtension(long orderId, Instant at, String by, String reason, Instant current, Instant requested) {
		jdbc.sql("""
				insert into rct_extension (order_id, requested_at, requested_by, reason, current_deadline, new_deadline, status)
				values (:o, :at, :by, :reason, :current, :requested, 'PENDING')""")
			.param("o", orderId)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("reason", reason)
			.param("current", Timestamp.from(current))
			.param("requested", Timestamp.from(requested))
			.update();
	}

	Optional<ExtensionView> pendingExtension(long orderId) {
		return extensions(orderId).stream().filter(e -> e.status().equals("PENDING")).findFirst();
	}

	void decideExtension(long extensionId, boolean approved, Instant at, String by, String reason) {
		jdbc.sql("""
				update rct_extension set status = :status, decided_at = :at, decided_by = :by, decision_reason = :reason
				where id = :id and status = 'PENDING'""")
			.param("status", approved ? "APPROVED" : "REFUSED")
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("reason", reason)
			.param("id", extensionId)
			.update();
	}

	List<ExtensionView> extensions(long orderId) {
		return jdbc.sql("select * from rct_extension where order_id = :o order by id")
			.param("o", orderId)
			.query((rs, i) -> new ExtensionView(rs.getLong("id"), rs.getTimestamp("requested_at").toInstant(),
					rs.getString("requested_by"), rs.getString("reason"), rs.getTimestamp("current_deadline").toInstant(),
					rs.getTimestamp("new_deadline").toInstant(), rs.getString("status"),
					WorkOrderRepository.instant(rs, "decided_at"), rs.getString("decided_by"),
					rs.getString("decision_reason")))
			.list();
	}

	// ------------------------------------------------------------------------------------------------ replies

	long addReply(long orderId, byte[] tokenHash, String text, Instant at, String by) {
		return jdbc.sql("""
				insert into rct_reply (order_id, token_hash, text, replied_at, replied_by)
				values (:o, :hash, :text, :at, :by) returning id""")
			.param("o", orderId)
			.param("hash", tokenHash)
			.param("text", text)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	record Reply(long id, long orderId, String text, Instant repliedAt, RaterAnswer answer, Instant answeredAt,
			boolean latest) {
	}

	Optional<Reply> replyByToken(byte[] tokenHash) {
		return jdbc.sql("""
				select r.id, r.order_id, r.text, r.replied_at, r.answer, r.answered_at,
				  r.id = (select max(id) from rct_reply l where l.order_id = r.order_id) as latest
				from rct_reply r where r.token_hash = :hash""")
			.param("hash", tokenHash)
			.query((rs, i) -> new Reply(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
					rs.getString(5) == null ? null : RaterAnswer.valueOf(rs.getString(5)),
					WorkOrderRepository.instant(rs, "answered_at"), rs.getBoolean(7)))
			.optional();
	}

	/** Records the rater's answer once; false when this reply was answered already. */
	boolean answer(long replyId, RaterAnswer answer, Instant at) {
		return jdbc.sql("update rct_reply set answer = :a, answered_at = :at where id = :id and answer is null")
			.param("a", answer.name())
			.param("at", Timestamp.from(at))
			.param("id", replyId)
			.update() == 1;
	}

	void raterAnswered(long orderId, RaterAnswer answer, Instant at) {
		jdbc.sql("update rct_work_order set rater_answer = :a, rater_answered_at = :at where id = :id")
			.param("a", answer.name())
			.param("at", Timestamp.from(at))
			.param("id", orderId)
			.update();
	}

	// ------------------------------------------------------------------------------------------------ call attempts

	void addCallAttempt(long orderId, int round, Instant at, String by, String note) {
		jdbc.sql("insert into rct_call_attempt (order_id, round, called_at, called_by, note) values (:o, :r, :at, :by, :note)")
			.param("o", orderId)
			.param("r", round)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("note", note)
			.update();
	}

	int callAttempts(long orderId, int round) {
		return jdbc.sql("select count(*) from rct_call_attempt where order_id = :o and round = :r")
			.param("o", orderId)
			.param("r", round)
			.query(Integer.class)
			.single();
	}

	static byte[] sha256(byte[] content) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
