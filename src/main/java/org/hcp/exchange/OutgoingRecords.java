package org.hcp.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;

import org.hcp.evaluation.Channel;
import org.hcp.privacy.PersonalData;
import org.hcp.shared.ChinaTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the national record (docs/interface-standard.md) of a queued fact from the tables at push time, read-only
 * (ADR 0026's pattern for other modules' tables). Personal data is decrypted only to go into the record, which the
 * caller encrypts for the upper platform at once; it is never logged. Empty when the fact no longer exists.
 */
@Component
class OutgoingRecords {

	private final JdbcClient jdbc;
	private final PersonalData personalData;

	OutgoingRecords(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	Optional<ObjectNode> build(OutboxStore.Row row) {
		return switch (row.kind()) {
			case SERVICE -> service(row.refId(), row.refSub() == null ? 1 : row.refSub().intValue());
			case EVALUATE -> evaluation(row.refId());
			case RECTIFICATION -> rectification(row.refId(), row.refSub());
			case APPEAL -> row.relayed() ? relayedAppeal(row.refId(), row.refSub())
					: appeal(row.refId(), row.refSub());
		};
	}

	/** 服务记录: the fields {@code ServiceRecords} reads, with the case's current status. */
	private Optional<ObjectNode> service(long caseId, int serviceNo) {
		return jdbc.sql("select c.*, s.service_no, s.name as service_name, s.occurred_at as service_time, s.staff_no,"
				+ " coalesce(c.item_name, i.name) as task_name, d.name as dept_name from cas_case c"
				+ " join cas_service_event s on s.case_id = c.id and s.service_no = :no"
				+ " left join cat_service_item i on i.code = c.item_code"
				+ " left join cat_department d on d.code = c.department_code where c.id = :id")
			.param("id", caseId)
			.param("no", serviceNo)
			.query((rs, n) -> {
				ObjectNode r = node();
				r.put("areaCode", rs.getString("region_code"));
				r.put("deptCode", rs.getString("department_code"));
				putText(r, "deptName", rs.getString("dept_name"));
				r.put("taskCode", rs.getString("item_code"));
				r.put("taskName", orElse(rs.getString("task_name"), rs.getString("item_code")));
				r.put("projectNo", rs.getString("case_no"));
				putText(r, "projectName", rs.getString("title"));
				String status = rs.getString("status");
				r.put("proStatus", switch (status) {
					case "ACCEPTED" -> 1;
					case "IN_PROGRESS" -> 2;
					default -> 3;
				});
				String name = decrypt(rs, "applicant_name_enc");
				r.put("userName", orElse(name, orElse(rs.getString("applicant_name_masked"), "未提供")));
				r.put("userProp", rs.getInt("applicant_type"));
				putText(r, "certKey", decrypt(rs, "applicant_cert_enc"));
				putText(r, "mobile", decrypt(rs, "applicant_mobile_enc"));
				r.put("acceptDate", time(rs, "accepted_at"));
				r.put("serviceNumber", rs.getInt("service_no"));
				r.put("serviceName", rs.getString("service_name"));
				r.put("serviceTime", time(rs, "service_time"));
				r.put("promiseTime", "ON_THE_SPOT".equals(rs.getString("case_type")) ? 1 : 2);
				String channel = rs.getString("apply_channel");
				r.put("proChannel", "ONLINE".equals(channel) || "MOBILE".equals(channel) ? 1 : 2);
				putText(r, "proManager", rs.getString("staff_no"));
				if ("COMPLETED".equals(status)) {
					r.put("resultDate", time(rs, "completed_at"));
				}
				putText(r, "batchNo", rs.getString("batch_no"));
				putText(r, "chainNo", rs.getString("chain_no"));
				return r;
			})
			.optional();
	}

	/** 评价记录: the fields {@code EvaluationRecords} reads, plus {@code isDefault}; the rater's identity in full. */
	private Optional<ObjectNode> evaluation(long id) {
		return jdbc.sql("select e.*, c.apply_channel from evl_evaluation e left join cas_case c on c.id = e.case_id"
				+ " where e.id = :id")
			.param("id", id)
			.query((rs, n) -> {
				ObjectNode r = node();
				r.put("projectNo", rs.getString("case_no"));
				r.put("serviceNumber", rs.getInt("service_no"));
				r.put("pf", pf(rs.getString("channel"), rs.getString("apply_channel")));
				r.put("satisfaction", rs.getInt("level"));
				putText(r, "evalDetail", rs.getString("indicators"));
				putText(r, "writingEvaluation", rs.getString("comment"));
				r.put("assessNumber", rs.getInt("assess_number"));
				putText(r, "userName", decrypt(rs, "rater_name_enc"));
				putText(r, "certKey", decrypt(rs, "rater_cert_enc"));
				putText(r, "mobile", decrypt(rs, "rater_mobile_enc"));
				r.put("assessTime", time(rs, "assessed_at"));
				r.put("isDefault", rs.getBoolean("is_default"));
				return r;
			})
			.optional();
	}

	/** 整改记录: one step of a work order, for one of the ratings it was opened for. */
	private Optional<ObjectNode> rectification(long auditId, Long evaluationId) {
		// the planned date and revisit result as of the step (V170), the order's for steps older than the copy
		return jdbc.sql("select a.id, a.action, a.to_state, a.at, a.reason, o.order_no, o.department_code,"
				+ " case when a.step_snapshot then a.planned_by else o.planned_by end as planned_by,"
				+ " case when a.step_snapshot then a.revisit_outcome else o.revisit_outcome end as revisit_outcome,"
				+ " e.case_no, e.service_no, e.assess_number from rct_audit a"
				+ " join rct_work_order o on o.id = a.order_id join evl_evaluation e on e.id = :evaluation"
				+ " where a.id = :id")
			.param("id", auditId)
			.param("evaluation", evaluationId)
			.query((rs, n) -> {
				ObjectNode r = aboutRating(rs);
				r.put("orderNo", rs.getString("order_no"));
				r.put("stepNo", rs.getLong("id"));
				r.put("state", rs.getString("to_state"));
				r.put("action", rs.getString("action"));
				r.put("stepTime", time(rs, "at"));
				putText(r, "deptCode", rs.getString("department_code"));
				putText(r, "opinion", rs.getString("reason"));
				LocalDate planned = rs.getObject("planned_by", LocalDate.class);
				if (planned != null) {
					r.put("plannedBy", planned.toString());
				}
				putText(r, "revisitResult", rs.getString("revisit_outcome"));
				return r;
			})
			.optional();
	}

	/** 申诉复核结果: the office's decision, for one of the ratings it covers. */
	private Optional<ObjectNode> appeal(long decisionId, Long evaluationId) {
		return jdbc.sql("select d.appeal_id, d.order_no, d.outcome, d.reason, d.decided_at, e.case_no, e.service_no,"
				+ " e.assess_number from apl_decision d join evl_evaluation e on e.id = :evaluation where d.id = :id")
			.param("id", decisionId)
			.param("evaluation", evaluationId)
			.query((rs, n) -> {
				ObjectNode r = aboutRating(rs);
				putText(r, "orderNo", rs.getString("order_no"));
				r.put("appealNo", Long.toString(rs.getLong("appeal_id")));
				r.put("outcome", rs.getString("outcome"));
				r.put("reason", rs.getString("reason"));
				r.put("decisionTime", time(rs, "decided_at"));
				return r;
			})
			.optional();
	}

	/**
	 * 申诉复核结果 a lower platform took about a rating it relayed here, passed on as received: its appeal number (the
	 * upper platform's idempotence key with our app id), order number, outcome, reason and decision time.
	 */
	private Optional<ObjectNode> relayedAppeal(long remoteAppealId, Long evaluationId) {
		return jdbc.sql("select r.appeal_no, r.order_no, r.outcome, r.reason, r.decided_at, e.case_no, e.service_no,"
				+ " e.assess_number from rct_remote_appeal r join evl_evaluation e on e.id = :evaluation"
				+ " where r.id = :id")
			.param("id", remoteAppealId)
			.param("evaluation", evaluationId)
			.query((rs, n) -> {
				ObjectNode r = aboutRating(rs);
				putText(r, "orderNo", rs.getString("order_no"));
				r.put("appealNo", rs.getString("appeal_no"));
				r.put("outcome", rs.getString("outcome"));
				r.put("reason", rs.getString("reason"));
				r.put("decisionTime", time(rs, "decided_at"));
				return r;
			})
			.optional();
	}

	/**
	 * The exchange code of the channel. Channels without one go up as the nearest national channel: a paper form as
	 * the hall (4), a default rating by how the case was handled (online 1, hall 4) with {@code isDefault: true}.
	 */
	static int pf(String channel, String applyChannel) {
		Channel c = Channel.valueOf(channel);
		if (c.pf() != 0) {
			return c.pf();
		}
		if (c == Channel.DEFAULT && ("ONLINE".equals(applyChannel) || "MOBILE".equals(applyChannel))) {
			return Channel.WEB_PORTAL.pf();
		}
		return Channel.HALL_EVALUATOR.pf();
	}

	private String decrypt(ResultSet rs, String column) throws SQLException {
		byte[] sealed = rs.getBytes(column);
		return sealed == null ? null : personalData.decrypt(sealed);
	}

	private static String time(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : ChinaTime.format(t.toInstant());
	}

	private static void putText(ObjectNode r, String field, String value) {
		if (value != null && !value.isBlank()) {
			r.put(field, value);
		}
	}

	private static String orElse(String value, String otherwise) {
		return value == null || value.isBlank() ? otherwise : value;
	}

	/** The rating a step or decision is about, by the receiver's key for it: case, service, which rating. */
	private static ObjectNode aboutRating(ResultSet rs) throws SQLException {
		ObjectNode r = node();
		r.put("projectNo", rs.getString("case_no"));
		r.put("serviceNumber", rs.getInt("service_no"));
		r.put("assessNumber", rs.getInt("assess_number"));
		return r;
	}

	private static ObjectNode node() {
		return JsonNodeFactory.instance.objectNode();
	}
}
