package org.hcp.doors;

import java.time.Instant;
import java.util.List;

import org.hcp.cases.CaseView;
import org.hcp.cases.Cases;
import org.hcp.evaluation.Channel;
import org.hcp.evaluation.EvaluationView;
import org.hcp.evaluation.RatingDoors;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Paper forms 纸质评价表 as the screen and the API enter them: one form at a time through
 * {@link RatingDoors#enter} (the person as submitter, the form number entered once, all or nothing per form), the
 * forms a person entered lately, and a form's scan for people whose region holds its case.
 */
@Service
class PaperForms {

	/** How many of a person's latest forms the page lists. */
	static final int RECENT = 20;

	private final RatingDoors doors;
	private final Cases cases;
	private final JdbcClient jdbc;

	PaperForms(RatingDoors doors, Cases cases, JdbcClient jdbc) {
		this.doors = doors;
		this.cases = cases;
		this.jdbc = jdbc;
	}

	/** Who enters paper forms: staff at a point, departments, offices, administrators (403 for others). */
	static void requireEnterer() {
		Caller.requireAny(Role.STAFF, Role.DEPARTMENT, Role.OFFICE, Role.ADMIN);
	}

	/** Stores one form (channel {@link Channel#PAPER_FORM}); refusals as the façade gives them. */
	Stored enter(RatingDoors.Entry entry) {
		if (entry.channel() != Channel.PAPER_FORM) {
			throw new IllegalArgumentException("paper forms only: " + entry.channel());
		}
		List<EvaluationView> stored = doors.enter(entry);
		EvaluationView first = stored.get(0);
		return new Stored(entry.reference().trim(), first.caseNo(), first.serviceNo(), first.level(), first.id(),
				entry.scan() != null && entry.scan().length > 0);
	}

	/** The forms the signed-in person entered, newest first. */
	List<Recent> recentOfCurrentPerson() {
		Long me = Caller.current().filter(Caller::isPerson).map(Caller::userId).orElse(null);
		if (me == null) {
			return List.of();
		}
		return jdbc.sql("""
				select p.form_no, p.case_no, e.service_no, e.level, p.entered_at, p.scan_type is not null as has_scan
				from evl_paper_form p join evl_evaluation e on e.id = p.evaluation_id
				where p.entered_by = :me order by p.entered_at desc, p.form_no limit :limit""")
			.param("me", me)
			.param("limit", RECENT)
			.query((rs, n) -> new Recent(rs.getString("form_no"), rs.getString("case_no"), rs.getInt("service_no"),
					rs.getInt("level"), rs.getTimestamp("entered_at").toInstant(), rs.getBoolean("has_scan")))
			.list();
	}

	/** A form's scan: 404 when there is none, 403 when the form's case is outside the person's region. */
	Scan scan(String formNo) {
		record Row(String caseNo, byte[] scan, String type) {
		}
		Row row = jdbc.sql("select case_no, scan, scan_type from evl_paper_form where form_no = :no")
			.param("no", formNo)
			.query((rs, n) -> new Row(rs.getString("case_no"), rs.getBytes("scan"), rs.getString("scan_type")))
			.optional()
			.orElseThrow(() -> noScan(formNo));
		CaseView c = cases.find("formNo", row.caseNo()).orElseThrow(() -> noScan(formNo));
		if (row.scan() == null || c == null) {
			throw noScan(formNo);
		}
		return new Scan(row.scan(), row.type());
	}

	private static HcpException noScan(String formNo) {
		return HcpException.notFound("formNo", "NO_SCAN", "评价表 " + formNo + " 没有扫描件", "Form " + formNo + " has no scan");
	}

	/** A form just stored. */
	record Stored(String formNo, String caseNo, int serviceNo, int level, long evaluationId, boolean hasScan) {
	}

	/** A form the person entered. */
	record Recent(String formNo, String caseNo, int serviceNo, int level, Instant enteredAt, boolean hasScan) {
	}

	/** A scan's bytes and content type (PNG, JPEG or PDF, typed by content when it was entered). */
	record Scan(byte[] content, String contentType) {

		public String extension() {
			return switch (contentType) {
				case "image/png" -> ".png";
				case "image/jpeg" -> ".jpg";
				case "application/pdf" -> ".pdf";
				default -> "";
			};
		}
	}
}
