package org.hcp.analytics;

import java.sql.Timestamp;
import java.time.Clock;

import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The office's texts of reports, append-only (V135): the latest per region and period is current. */
@Component
class ReportNotes {

	static final int MAX_LENGTH = 5000;

	private final JdbcClient jdbc;
	private final Clock clock;

	ReportNotes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	ReportNote current(RegionCode region, Period period) {
		return jdbc.sql("""
				select problems, requirements, written_by, written_at from ana_report_note
				where region_code = :region and period = :period order by id desc limit 1""")
			.param("region", region.value())
			.param("period", period.label())
			.query((rs, i) -> new ReportNote(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.optional()
			.orElse(ReportNote.NONE);
	}

	@Transactional
	ReportNote save(RegionCode region, Period period, String problems, String requirements, String by) {
		String p = checked("problems", problems);
		String r = checked("requirements", requirements);
		jdbc.sql("""
				insert into ana_report_note (region_code, period, problems, requirements, written_by, written_at)
				values (:region, :period, :problems, :requirements, :by, :at)""")
			.param("region", region.value())
			.param("period", period.label())
			.param("problems", p)
			.param("requirements", r)
			.param("by", by)
			.param("at", Timestamp.from(clock.instant()))
			.update();
		return current(region, period);
	}

	private static String checked(String field, String text) {
		String t = text == null ? "" : text.strip();
		if (t.length() > MAX_LENGTH) {
			throw HcpException.badRequest(field, "TEXT_TOO_LONG", "不超过" + MAX_LENGTH + "字",
					"at most " + MAX_LENGTH + " characters");
		}
		if (t.indexOf('\u0000') >= 0) {
			throw HcpException.badRequest(field, "TEXT_CONTROL_CHARACTER", "含有不允许的控制字符",
					"contains a control character");
		}
		return t;
	}
}
