package org.hcp.doors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code door_staff_code}: one active code per staff member, revoked codes kept. */
@Component
class StaffCodeStore {

	/** A stored code; {@code revokedAt} null while it is the staff member's current one. */
	record Row(String code, String staffNo, String windowCode, String institutionCode, Instant issuedAt,
			String issuedBy, Instant revokedAt) {
	}

	private final JdbcClient jdbc;

	StaffCodeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises issues for one staff member until the transaction ends (two re-issues cannot both win). */
	void lock(String staffNo) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('door_staff_code:' || :staff, 0))")
			.param("staff", staffNo)
			.query()
			.singleRow();
	}

	/** Revokes the staff member's active code, if any; returns the revoked code. */
	Optional<String> revokeActive(String staffNo, Instant at) {
		return jdbc.sql("""
				update door_staff_code set revoked_at = greatest(:at, issued_at)
				where staff_no = :staff and revoked_at is null returning code""")
			.param("at", Timestamp.from(at))
			.param("staff", staffNo)
			.query(String.class)
			.optional();
	}

	void insert(Row row) {
		jdbc.sql("""
				insert into door_staff_code (code, staff_no, window_code, institution_code, issued_at, issued_by)
				values (:code, :staff, :window, :institution, :at, :by)""")
			.param("code", row.code())
			.param("staff", row.staffNo())
			.param("window", row.windowCode())
			.param("institution", row.institutionCode())
			.param("at", Timestamp.from(row.issuedAt()))
			.param("by", row.issuedBy())
			.update();
	}

	Optional<Row> find(String code) {
		return jdbc.sql("select * from door_staff_code where code = :code").param("code", code).query(this::row).optional();
	}

	Optional<Row> active(String staffNo) {
		return jdbc.sql("select * from door_staff_code where staff_no = :staff and revoked_at is null")
			.param("staff", staffNo)
			.query(this::row)
			.optional();
	}

	/** The active codes of the staff of an institution (by the code's institution). */
	List<Row> activeOf(String institutionCode) {
		return jdbc.sql("select * from door_staff_code where institution_code = :institution and revoked_at is null")
			.param("institution", institutionCode)
			.query(this::row)
			.list();
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new Row(rs.getString("code"), rs.getString("staff_no"), rs.getString("window_code"),
				rs.getString("institution_code"), rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"),
				revoked == null ? null : revoked.toInstant());
	}
}
