package org.hcp.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hcp.rectification.WorkOrderSource;
import org.hcp.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over sup_finding and sup_finding_order (both append-only). */
@Repository
class FindingStore {

	private static final String SELECT = """
			select f.*, o.work_order_id from sup_finding f left join sup_finding_order o on o.finding_id = f.id""";

	private final JdbcClient jdbc;

	FindingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(FindingKind kind, FindingTargets.Target t, LocalDate observedOn, String description, boolean problem,
			Caller caller, Instant at) {
		return jdbc.sql("""
				insert into sup_finding (source, kind, region_code, department_code, institution_code, window_code,
				  staff_no, item_code, observed_on, description, problem, recorded_by, recorded_role, recorded_at)
				values (:source, :kind, :region, :department, :institution, :window, :staff, :item, :observedOn,
				  :description, :problem, :by, :role, :at)
				returning id""")
			.param("source", kind.source().name())
			.param("kind", kind.name())
			.param("region", t.region().value())
			.param("department", t.departmentCode())
			.param("institution", t.institutionCode())
			.param("window", t.windowCode())
			.param("staff", t.staffNo())
			.param("item", t.itemCode())
			.param("observedOn", Date.valueOf(observedOn))
			.param("description", description)
			.param("problem", problem)
			.param("by", SupervisionAudit.actorName(caller))
			.param("role", caller == null || caller.mainRole() == null ? null : caller.mainRole().name())
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	void linkOrder(long findingId, long workOrderId, Instant at) {
		jdbc.sql("insert into sup_finding_order (finding_id, work_order_id, opened_at) values (:f, :o, :at)")
			.param("f", findingId)
			.param("o", workOrderId)
			.param("at", Timestamp.from(at))
			.update();
	}

	Optional<FindingView> find(long id) {
		return jdbc.sql(SELECT + " where f.id = :id").param("id", id).query(this::view).optional();
	}

	/** Findings or comments of regions starting with the prefix, newest first. */
	Paging.Page<FindingView> list(WorkOrderSource source, String regionPrefix, FindingKind kind, Boolean problem,
			Paging paging) {
		StringBuilder where = new StringBuilder(" where f.source = :source and f.region_code like :prefix");
		List<Object[]> params = new ArrayList<>();
		params.add(new Object[] { "source", source.name() });
		params.add(new Object[] { "prefix", regionPrefix + "%" });
		if (kind != null) {
			where.append(" and f.kind = :kind");
			params.add(new Object[] { "kind", kind.name() });
		}
		if (problem != null) {
			where.append(" and f.problem = :problem");
			params.add(new Object[] { "problem", problem });
		}
		var count = jdbc.sql("select count(*) from sup_finding f" + where);
		var rows = jdbc.sql(SELECT + where + " order by f.id desc limit :limit offset :offset")
			.param("limit", paging.size())
			.param("offset", paging.offset());
		for (Object[] p : params) {
			count = count.param((String) p[0], p[1]);
			rows = rows.param((String) p[0], p[1]);
		}
		return new Paging.Page<>(rows.query(this::view).list(), paging.page(), paging.size(),
				count.query(Long.class).single());
	}

	private FindingView view(ResultSet rs, int n) throws SQLException {
		return new FindingView(rs.getLong("id"), WorkOrderSource.valueOf(rs.getString("source")),
				FindingKind.valueOf(rs.getString("kind")), rs.getString("region_code"), rs.getString("department_code"),
				rs.getString("institution_code"), rs.getString("window_code"), rs.getString("staff_no"),
				rs.getString("item_code"), rs.getDate("observed_on").toLocalDate(), rs.getString("description"),
				rs.getBoolean("problem"), rs.getObject("work_order_id", Long.class), rs.getString("recorded_by"),
				rs.getString("recorded_role"), rs.getTimestamp("recorded_at").toInstant());
	}
}
