package org.hcp.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Background exports of reports (ADR 0028): a request is checked like the report itself and queued in
 * {@code ana_export}; {@link ExportWorker} renders it. Only the requester — or an administrator — may follow it and
 * download the file; to anyone else it does not exist (404).
 */
@Service
public class Exports {

	private final JdbcClient jdbc;
	private final ExportWorker worker;
	private final Clock clock;

	Exports(JdbcClient jdbc, ExportWorker worker, Clock clock) {
		this.jdbc = jdbc;
		this.worker = worker;
		this.clock = clock;
	}

	/** Queues the report of a region and period as pdf or xlsx; the worker starts on it at once if it is free. */
	public ExportView request(RegionCode region, Period period, String format) {
		ExportFormat f = ExportFormat.parse("format", format);
		Reports.allow(region, period);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into ana_export (id, kind, region_code, period, requested_by, status, progress, created_at)
				values (:id, :kind, :region, :period, :by, 'QUEUED', 0, :at)""")
			.param("id", id)
			.param("kind", f.kind)
			.param("region", region.value())
			.param("period", period.label())
			.param("by", requester())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		worker.submit(id);
		return find(id);
	}

	public ExportView find(String id) {
		return find(parse(id));
	}

	/** The file of a finished export; 409 while it is not done. */
	public ExportFile file(String id) {
		ExportView view = find(parse(id));
		if (!view.status().equals("DONE")) {
			throw HcpException.conflict("id", "EXPORT_NOT_DONE", "导出尚未完成", "the export is not done yet");
		}
		byte[] bytes = jdbc.sql("select file from ana_export where id = :id").param("id", view.id())
			.query(byte[].class)
			.single();
		ExportFormat f = ExportFormat.ofKind(view.kind());
		return new ExportFile(bytes, f.contentType, view.regionCode() + "-" + view.period() + "." + f.extension());
	}

	private ExportView find(UUID id) {
		boolean admin = Caller.current().map(c -> c.has(Role.ADMIN)).orElse(true);
		return jdbc.sql("""
				select id, kind, region_code, period, requested_by, status, progress, error, created_at, finished_at
				from ana_export where id = :id""")
			.param("id", id)
			.query((rs, i) -> admin || rs.getString("requested_by").equals(requester()) ? Optional.of(view(rs))
					: Optional.<ExportView>empty())
			.optional()
			.flatMap(found -> found)
			.orElseThrow(Exports::unknown);
	}

	static ExportView view(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String status = rs.getString("status");
		Timestamp finished = rs.getTimestamp("finished_at");
		return new ExportView(id, rs.getString("kind"), rs.getString("region_code"), rs.getString("period"), status,
				rs.getInt("progress"), rs.getString("error"), rs.getTimestamp("created_at").toInstant(),
				finished == null ? null : finished.toInstant(),
				status.equals("DONE") ? "/api/v1/exports/" + id + "/file" : null);
	}

	/** Who asked, as kept with the export: a person's account or a system's key. */
	static String requester() {
		return Caller.current()
			.map(c -> c.isPerson() ? "user:" + c.userId() : "key:" + c.keyId())
			.orElse("system");
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw unknown();
		}
	}

	private static HcpException unknown() {
		return HcpException.notFound("id", "EXPORT_UNKNOWN", "没有这个导出任务", "no such export");
	}
}
