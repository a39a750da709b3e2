package org.hcp.rectification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Work orders in plain SQL. Saving compares the version read: a stale one changes nothing and is refused (409), so
 * two people acting on one order at once cannot both win.
 */
@Repository
class WorkOrderRepository {

	private final JdbcClient jdbc;

	WorkOrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new order to open: everything known when it is opened. {@code remotePeer}: the lower platform that handles it
	 * (a remote order, read-only here); null for an order handled here.
	 */
	record NewOrder(WorkOrderSource source, String sourceKey, String regionCode, String departmentCode, String staffNo,
			String institutionCode, String windowCode, String itemCode, Integer level, String summary,
			byte[] raterMobileEnc, String raterMobileMasked, String profileCode, Instant openedAt, String remotePeer) {

		NewOrder(WorkOrderSource source, String sourceKey, String regionCode, String departmentCode, String staffNo,
				String institutionCode, String windowCode, String itemCode, Integer level, String summary,
				byte[] raterMobileEnc, String raterMobileMasked, String profileCode, Instant openedAt) {
			this(source, sourceKey, regionCode, departmentCode, staffNo, institutionCode, windowCode, itemCode, level,
					summary, raterMobileEnc, raterMobileMasked, profileCode, openedAt, null);
		}
	}

	/** Opens the order unless one with the same source key exists; empty then (a re-delivery). */
	OptionalLong insert(NewOrder o) {
		long id = jdbc.sql("select nextval('rct_work_order_seq')").query(Long.class).single();
		String orderNo = "GD" + o.openedAt().atZone(org.hcp.shared.ChinaTime.ZONE).toLocalDate().toString().replace("-", "")
				+ String.format("%08d", id);
		Optional<Long> inserted = jdbc.sql("""
				insert into rct_work_order (id, order_no, source, source_key, state, region_code, department_code,
				  staff_no, institution_code, window_code, item_code, level, summary, rater_mobile_enc,
				  rater_mobile_masked, profile_code, opened_at, remote_peer, remote_step)
				values (:id, :no, :source, :key, 'RECEIVED', :region, :dept, :staff, :inst, :window, :item, :level,
				  :summary, :mobile, :masked, :profile, :at, :remote, :remoteStep)
				on conflict (source_key) do nothing returning id""")
			.param("id", id)
			.param("no", orderNo)
			.param("source", o.source().name())
			.param("key", o.sourceKey())
			.param("region", o.regionCode())
			.param("dept", o.departmentCode())
			.param("staff", o.staffNo())
			.param("inst", o.institutionCode())
			.param("window", o.windowCode())
			.param("item", o.itemCode())
			.param("level", o.level())
			.param("summary", o.summary())
			.param("mobile", o.raterMobileEnc())
			.param("masked", o.raterMobileMasked())
			.param("profile", o.profileCode())
			.param("at", Timestamp.from(o.openedAt()))
			.param("remote", o.remotePeer())
			.param("remoteStep", o.remotePeer() == null ? null : 0L)
			.query(Long.class)
			.optional();
		return inserted.map(OptionalLong::of).orElse(OptionalLong.empty());
	}

	Optional<Long> idBySourceKey(String key) {
		return jdbc.sql("select id from rct_work_order where source_key = :key").param("key", key).query(Long.class).optional();
	}

	/** Links a rating (of one case) to its order; false when it was linked already. */
	boolean link(long orderId, long evaluationId, long caseId, String caseNo) {
		return jdbc.sql("""
				insert into rct_order_rating (order_id, evaluation_id, case_id, case_no) values (:o, :e, :c, :n)
				on conflict do nothing""")
			.param("o", orderId)
			.param("e", evaluationId)
			.param("c", caseId)
			.param("n", caseNo)
			.update() == 1;
	}

	Optional<WorkOrder> find(long id) {
		return jdbc.sql("select * from rct_work_order where id = :id").param("id", id).query(WorkOrderRepository::map).optional();
	}

	/** For update: the row is locked until the transaction ends (jobs and appeal calls that read and write). */
	Optional<WorkOrder> lock(long id) {
		return jdbc.sql("select * from rct_work_order where id = :id for update").param("id", id)
			.query(WorkOrderRepository::map).optional();
	}

	Optional<Long> orderOfEvaluation(long evaluationId) {
		return jdbc.sql("select order_id from rct_order_rating where evaluation_id = :e").param("e", evaluationId)
			.query(Long.class).optional();
	}

	record Rating(long evaluationId, long caseId, String caseNo) {
	}

	List<Rating> ratings(long orderId) {
		return jdbc.sql("select evaluation_id, case_id, case_no from rct_order_rating where order_id = :o order by evaluation_id")
			.param("o", orderId)
			.query((rs, i) -> new Rating(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list();
	}

	Optional<byte[]> raterMobile(long orderId) {
		return jdbc.sql("select rater_mobile_enc from rct_work_order where id = :id").param("id", orderId)
			.query((rs, i) -> rs.getBytes(1)).optional().filter(b -> b != null);
	}

	/**
	 * Writes the order's state if it still has the version read; false when someone changed it meanwhile. A remote
	 * order is refused (409 REMOTE_ORDER): only {@link #saveRemote} follows its lower platform.
	 */
	boolean save(WorkOrder o) {
		ReadOnlyRemoteOrders.actingOn(o);
		return write(o, "remote_peer is null");
	}

	/** Writes a remote order after a step of its lower platform, with the step's number; false when stale. */
	boolean saveRemote(WorkOrder o) {
		if (!o.isRemote()) {
			throw new IllegalStateException("order " + o.id + " is not a remote order");
		}
		return write(o, "remote_peer is not null");
	}

	private boolean write(WorkOrder o, String kind) {
		int updated = jdbc.sql("""
				update rct_work_order set state = :state, dispatched_at = :dispatched, deadline = :deadline,
				  deadline_step = :step, round = :round, paused_at = :paused, pause_appeal_id = :appeal,
				  overdue = :overdue, times_overdue = :times, escalated = :escalated, verified_at = :verified,
				  rectify_mode = :mode, planned_by = :planned, rectified_at = :rectified, unrectifiable = :unrectifiable,
				  replied_at = :replied, rater_answer = :answer, rater_answered_at = :answered,
				  revisit_outcome = :outcome, revisited_at = :revisited, closed_at = :closed,
				  remote_order_no = :remoteOrderNo, remote_step = :remoteStep, version = version + 1
				where id = :id and version = :version and\s""" + kind)
			.param("state", o.state.name())
			.param("dispatched", ts(o.dispatchedAt))
			.param("deadline", ts(o.deadline))
			.param("step", o.deadlineStep)
			.param("round", o.round)
			.param("paused", ts(o.pausedAt))
			.param("appeal", o.pauseAppealId)
			.param("overdue", o.overdue)
			.param("times", o.timesOverdue)
			.param("escalated", o.escalated)
			.param("verified", ts(o.verifiedAt))
			.param("mode", o.rectifyMode == null ? null : o.rectifyMode.name())
			.param("planned", o.plannedBy)
			.param("rectified", ts(o.rectifiedAt))
			.param("unrectifiable", o.unrectifiable)
			.param("replied", ts(o.repliedAt))
			.param("answer", o.raterAnswer == null ? null : o.raterAnswer.name())
			.param("answered", ts(o.raterAnsweredAt))
			.param("outcome", o.revisitOutcome == null ? null : o.revisitOutcome.name())
			.param("revisited", ts(o.revisitedAt))
			.param("closed", ts(o.closedAt))
			.param("remoteOrderNo", o.remoteOrderNo)
			.param("remoteStep", o.isRemote() ? o.remoteStep : null)
			.param("id", o.id)
			.param("version", o.version)
			.update();
		if (updated == 1) {
			o.version++;
		}
		return updated == 1;
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static WorkOrder map(ResultSet rs, int row) throws SQLException {
		WorkOrder o = new WorkOrder();
		o.id = rs.getLong("id");
		o.orderNo = rs.getString("order_no");
		o.source = WorkOrderSource.valueOf(rs.getString("source"));
		o.state = WorkOrderState.valueOf(rs.getString("state"));
		o.regionCode = rs.getString("region_code");
		o.departmentCode = rs.getString("department_code");
		o.staffNo = rs.getString("staff_no");
		o.institutionCode = rs.getString("institution_code");
		o.windowCode = rs.getString("window_code");
		o.itemCode = rs.getString("item_code");
		o.level = (Integer) rs.getObject("level", Integer.class);
		o.summary = rs.getString("summary");
		o.raterMobileMasked = rs.getString("rater_mobile_masked");
		o.hasRater = rs.getBytes("rater_mobile_enc") != null;
		o.profileCode = rs.getString("profile_code");
		o.openedAt = instant(rs, "opened_at");
		o.dispatchedAt = instant(rs, "dispatched_at");
		o.deadline = instant(rs, "deadline");
		o.deadlineStep = rs.getString("deadline_step");
		o.round = rs.getInt("round");
		o.pausedAt = instant(rs, "paused_at");
		o.pauseAppealId = (Long) rs.getObject("pause_appeal_id", Long.class);
		o.overdue = rs.getBoolean("overdue");
		o.timesOverdue = rs.getInt("times_overdue");
		o.escalated = rs.getBoolean("escalated");
		o.verifiedAt = instant(rs, "verified_at");
		String mode = rs.getString("rectify_mode");
		o.rectifyMode = mode == null ? null : RectifyMode.valueOf(mode);
		o.plannedBy = rs.getObject("planned_by", LocalDate.class);
		o.rectifiedAt = instant(rs, "rectified_at");
		o.unrectifiable = rs.getBoolean("unrectifiable");
		o.repliedAt = instant(rs, "replied_at");
		String answer = rs.getString("rater_answer");
		o.raterAnswer = answer == null ? null : RaterAnswer.valueOf(answer);
		o.raterAnsweredAt = instant(rs, "rater_answered_at");
		String outcome = rs.getString("revisit_outcome");
		o.revisitOutcome = outcome == null ? null : RevisitOutcome.valueOf(outcome);
		o.revisitedAt = instant(rs, "revisited_at");
		o.closedAt = instant(rs, "closed_at");
		o.version = rs.getInt("version");
		o.remotePeer = rs.getString("remote_peer");
		o.remoteOrderNo = rs.getString("remote_order_no");
		o.remoteStep = rs.getLong("remote_step");
		return o;
	}
}
