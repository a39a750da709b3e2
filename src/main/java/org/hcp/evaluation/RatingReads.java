package org.hcp.evaluation;

import java.util.List;
import java.util.Optional;

import org.hcp.security.RegionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of stored ratings for the appeal side: one by id, and a staff member's own. */
@Repository
class RatingReads {

	private final JdbcClient jdbc;

	RatingReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<EvaluationStore.StoredEvaluation> byId(long id) {
		return jdbc.sql("select id, " + EvaluationStore.COLUMNS + " from evl_evaluation where id = :id")
			.param("id", id)
			.query((rs, i) -> EvaluationStore.read(rs))
			.optional();
	}

	/** The rating of a case's service (its first or added one), as a lower platform names it; the oldest if several. */
	Optional<EvaluationStore.StoredEvaluation> byService(String caseNo, int serviceNo, int assessNumber) {
		return jdbc.sql("select id, " + EvaluationStore.COLUMNS + """
				 from evl_evaluation where case_no = :caseNo and service_no = :serviceNo and assess_number = :assess
				order by id limit 1""")
			.param("caseNo", caseNo)
			.param("serviceNo", serviceNo)
			.param("assess", assessNumber)
			.query((rs, i) -> EvaluationStore.read(rs))
			.optional();
	}

	/** The ratings of one window staff member, newest first, inside the scope (region and department). */
	List<EvaluationStore.StoredEvaluation> ofStaff(String staffNo, boolean badOnly, RegionScope scope, int page,
			int size) {
		return jdbc.sql("select id, " + EvaluationStore.COLUMNS + """
				 from evl_evaluation
				where staff_no = :staffNo and (not :badOnly or level <= 2)
				  and (cast(:prefix as varchar) is null or region_code like :prefix)
				  and (cast(:department as varchar) is null or department_code = :department)
				order by id desc limit :limit offset :offset""")
			.param("staffNo", staffNo)
			.param("badOnly", badOnly)
			.param("prefix", scope.region().map(r -> r.prefix() + "%").orElse(null))
			.param("department", scope.department().orElse(null))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, i) -> EvaluationStore.read(rs))
			.list();
	}
}
