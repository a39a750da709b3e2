package org.hcp.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over sup_call_task (version-compared), sup_call_attempt and sup_revisit_result (append-only). */
@Repository
class CallTaskStore {

	private final JdbcClient jdbc;

	CallTaskStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One open task per pick, with the rater's masked name and number as lists show them. */
	void insertAll(long sampleId, Quarter quarter, List<RevisitDraw.Pick> picks, List<String> maskedMobiles,
			Instant at) {
		if (picks.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into sup_call_task (sample_id, case_id, case_no, region_code, department_code, item_code, quarter,
				  pick, applicant_masked, mobile_masked, state, created_at)
				select :sample, u.case_id, u.case_no, u.region_code, u.department_code, u.item_code, :quarter, u.pick,
				  u.applicant_masked, u.mobile_masked, 'OPEN', :at
				from unnest(:caseIds::bigint[], :caseNos::varchar[], :regions::varchar[], :departments::varchar[],
				  :items::varchar[], :picks::varchar[], :names::varchar[], :mobiles::varchar[])
				  as u(case_id, case_no, region_code, department_code, item_code, pick, applicant_masked, mobile_masked)""")
			.param("sample", sampleId)
			.param("quarter", quarter.toString())
			.param("at", Timestamp.from(at))
			.param("caseIds", picks.stream().mapToLong(p -> p.c().id()).toArray())
			.param("caseNos", picks.stream().map(p -> p.c().caseNo()).toArray(String[]::new))
			.param("regions", picks.stream().map(p -> p.c().region().value()).toArray(String[]::new))
			.param("departments", picks.stream().map(p -> p.c().departmentCode()).toArray(String[]::new))
			.param("items", picks.stream().map(p -> p.c().itemCode()).toArray(String[]::new))
			.param("picks", picks.stream().map(p -> p.kind().name()).toArray(String[]::new))
			.param("names", picks.stream().map(p -> p.c().maskedApplicantName()).toArray(String[]::new))
			.param("mobiles", maskedMobiles.toArray(String[]::new))
			.update();
	}

	Optional<CallTask> load(long id) {
		return jdbc.sql("select * from sup_call_task where id = :id").param("id", id).query(this::task).optional();
	}

	/** Stores the task's changes if nobody changed it since it was loaded; 409 otherwise. */
	void save(CallTask t) {
		int updated = jdbc.sql("""
				update sup_call_task set assignee_id = :assignee, assignee_name = :assigneeName, state = :state,
				  outcome = :outcome, attempts = :attempts, done_at = :doneAt, version = version + 1
				where id = :id and version = :version""")
			.param("assignee", t.assigneeId())
			.param("assigneeName", t.assigneeName())
			.param("state", t.state().name())
			.param("outcome", t.outcome() == null ? null : t.outcome().name())
			.param("attempts", t.attempts())
			.param("doneAt", t.doneAt() == null ? null : Timestamp.from(t.doneAt()))
			.param("id", t.id())
			.param("version", t.version())
			.update();
		if (updated != 1) {
			throw HcpException.conflict("id", "CONCURRENT_CHANGE", "该回访任务刚被他人修改，请刷新后重试",
					"Someone else changed this revisit call just now; reload and try again");
		}
		t.saved();
	}

	void append(CallTask.Attempt a) {
		jdbc.sql("""
				insert into sup_call_attempt (task_id, attempt_no, result, comment, called_by, caller_id, called_at)
				values (:task, :no, :result, :comment, :by, :callerId, :at)""")
			.param("task", a.taskId())
			.param("no", a.number())
			.param("result", a.result().name())
			.param("comment", a.comment())
			.param("by", a.calledBy())
			.param("callerId", a.callerId())
			.param("at", Timestamp.from(a.at()))
			.update();
	}

	/** The result of a finished task, kept as the statistics' own source. */
	void appendResult(CallTask t, String comment, String by) {
		jdbc.sql("""
				insert into sup_revisit_result (task_id, sample_id, region_code, quarter, department_code, item_code,
				  case_no, outcome, comment, attempts, recorded_by, recorded_at)
				values (:task, :sample, :region, :quarter, :department, :item, :caseNo, :outcome, :comment, :attempts,
				  :by, :at)""")
			.param("task", t.id())
			.param("sample", t.sampleId())
			.param("region", t.region().value())
			.param("quarter", t.quarter().toString())
			.param("department", t.departmentCode())
			.param("item", t.itemCode())
			.param("caseNo", t.caseNo())
			.param("outcome", t.outcome().name())
			.param("comment", comment)
			.param("attempts", t.attempts())
			.param("by", by)
			.param("at", Timestamp.from(t.doneAt()))
			.update();
	}

	Optional<CallTaskView> view(long id) {
		return jdbc.sql("select * from sup_call_task where id = :id").param("id", id).query(this::viewRow).optional()
			.map(this::withAttempts);
	}

	/**
	 * Tasks in regions starting with the prefix: open ones first, then by quarter and rank. {@code assignee} limits
	 * them to a person's own and the unassigned ones; null lists everyone's.
	 */
	Paging.Page<CallTaskView> list(String regionPrefix, Quarter quarter, CallTask.State state, Long assignee,
			Paging paging) {
		StringBuilder where = new StringBuilder(" where t.region_code like :prefix");
		if (quarter != null) {
			where.append(" and t.quarter = :quarter");
		}
		if (state != null) {
			where.append(" and t.state = :state");
		}
		if (assignee != null) {
			where.append(" and (t.assignee_id = :assignee or t.assignee_id is null)");
		}
		List<Object[]> params = new ArrayList<>();
		params.add(new Object[] { "prefix", regionPrefix + "%" });
		if (quarter != null) {
			params.add(new Object[] { "quarter", quarter.toString() });
		}
		if (state != null) {
			params.add(new Object[] { "state", state.name() });
		}
		if (assignee != null) {
			params.add(new Object[] { "assignee", assignee });
		}
		var count = jdbc.sql("select count(*) from sup_call_task t" + where);
		var rows = jdbc.sql("select t.* from sup_call_task t" + where
				+ " order by t.state desc, t.quarter desc, t.id limit :limit offset :offset")
			.param("limit", paging.size())
			.param("offset", paging.offset());
		for (Object[] p : params) {
			count = count.param((String) p[0], p[1]);
			rows = rows.param((String) p[0], p[1]);
		}
		return new Paging.Page<>(rows.query(this::viewRow).list(), paging.page(), paging.size(),
				count.query(Long.class).single());
	}

	/** Counts of the results kept in sup_revisit_result, and of every drawn task, for a region (and below) and quarter. */
	RevisitCounts counts(RegionCode region, Quarter quarter) {
		long drawn = jdbc.sql("select count(*) from sup_call_task where quarter = :q and region_code like :prefix")
			.param("q", quarter.toString())
			.param("prefix", region.prefix() + "%")
			.query(Long.class)
			.single();
		long[] byOutcome = new long[CallOutcome.values().length];
		jdbc.sql("""
				select outcome, count(*) as n from sup_revisit_result where quarter = :q and region_code like :prefix
				group by outcome""")
			.param("q", quarter.toString())
			.param("prefix", region.prefix() + "%")
			.query((rs, n) -> byOutcome[CallOutcome.valueOf(rs.getString("outcome")).ordinal()] = rs.getLong("n"))
			.list();
		long satisfied = byOutcome[CallOutcome.SATISFIED.ordinal()];
		long notSatisfied = byOutcome[CallOutcome.NOT_SATISFIED.ordinal()];
		long unreachable = byOutcome[CallOutcome.UNREACHABLE.ordinal()];
		return new RevisitCounts(region.value(), quarter.toString(), drawn, satisfied, notSatisfied, unreachable,
				drawn - satisfied - notSatisfied - unreachable);
	}

	private CallTaskView withAttempts(CallTaskView v) {
		List<CallTaskView.AttemptView> attempts = jdbc.sql("""
				select attempt_no, result, comment, called_by, called_at from sup_call_attempt where task_id = :id
				order by attempt_no""")
			.param("id", v.id())
			.query((rs, n) -> new CallTaskView.AttemptView(rs.getInt("attempt_no"), CallResult.valueOf(rs.getString("result")),
					rs.getString("comment"), rs.getString("called_by"), rs.getTimestamp("called_at").toInstant()))
			.list();
		return new CallTaskView(v.id(), v.sampleId(), v.quarter(), v.caseNo(), v.regionCode(), v.departmentCode(),
				v.itemCode(), v.pick(), v.applicantName(), v.mobile(), v.assigneeId(), v.assigneeName(), v.state(),
				v.outcome(), v.attemptCount(), v.createdAt(), v.doneAt(), attempts);
	}

	private CallTask task(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		Timestamp done = rs.getTimestamp("done_at");
		return new CallTask(rs.getLong("id"), rs.getLong("sample_id"), rs.getLong("case_id"), rs.getString("case_no"),
				new RegionCode(rs.getString("region_code")), rs.getString("department_code"), rs.getString("item_code"),
				Quarter.parse("quarter", rs.getString("quarter")), rs.getObject("assignee_id", Long.class),
				rs.getString("assignee_name"), CallTask.State.valueOf(rs.getString("state")),
				outcome == null ? null : CallOutcome.valueOf(outcome), rs.getInt("attempts"),
				done == null ? null : done.toInstant(), rs.getInt("version"));
	}

	private CallTaskView viewRow(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		Timestamp done = rs.getTimestamp("done_at");
		return new CallTaskView(rs.getLong("id"), rs.getLong("sample_id"), rs.getString("quarter"), rs.getString("case_no"),
				rs.getString("region_code"), rs.getString("department_code"), rs.getString("item_code"),
				rs.getString("pick"), rs.getString("applicant_masked"), rs.getString("mobile_masked"),
				rs.getObject("assignee_id", Long.class), rs.getString("assignee_name"),
				CallTask.State.valueOf(rs.getString("state")), outcome == null ? null : CallOutcome.valueOf(outcome),
				rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(), done == null ? null : done.toInstant(),
				List.of());
	}
}
