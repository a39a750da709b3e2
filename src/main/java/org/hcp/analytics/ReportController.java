package org.hcp.analytics;

import java.net.URI;

import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The report 通报 and its exports over REST: translates HTTP only; {@link Reports} and {@link Exports} check. */
@RestController
@Tag(name = "analytics 统计分析")
class ReportController {

	/** The office's text of a report. */
	record NoteRequest(String problems, String requirements) {
	}

	private final Reports reports;
	private final Exports exports;
	private final long backgroundAbove;

	ReportController(Reports reports, Exports exports, AnalyticsProperties properties) {
		this.reports = reports;
		this.exports = exports;
		this.backgroundAbove = properties.export().backgroundAbove();
	}

	@GetMapping("/api/v1/reports/{region}/{file}")
	@Operation(summary = "The report of a region for a month, quarter or year as {period}.pdf or {period}.xlsx; "
			+ "a period with more ratings than hcp.analytics.export.background-above answers 202 with a background "
			+ "export (Location) instead")
	ResponseEntity<?> file(@PathVariable String region, @PathVariable String file) {
		int dot = file.lastIndexOf('.');
		if (dot < 0) {
			throw HcpException.badRequest("format", "FORMAT_INVALID", "请求 {期间}.pdf 或 {期间}.xlsx",
					"ask for {period}.pdf or {period}.xlsx");
		}
		ExportFormat format = ExportFormat.parse("format", file.substring(dot + 1));
		RegionCode code = RegionCode.parse("region", region);
		Period period = Period.parse("period", file.substring(0, dot));
		if (reports.ratingsIn(code, period) > backgroundAbove) {
			ExportView queued = exports.request(code, period, format.extension());
			return ResponseEntity.accepted().location(URI.create("/api/v1/exports/" + queued.id())).body(queued);
		}
		byte[] bytes = format == ExportFormat.PDF ? reports.pdf(code, period) : reports.xlsx(code, period);
		return download(new ExportFile(bytes, format.contentType, code.value() + "-" + period.label() + "."
				+ format.extension()));
	}

	@GetMapping("/api/v1/reports/{region}/{period}/note")
	@Operation(summary = "The office's problems found and requirements of a report, with who saved them when")
	ReportNote note(@PathVariable String region, @PathVariable String period) {
		return reports.note(RegionCode.parse("region", region), Period.parse("period", period));
	}

	@PostMapping("/api/v1/reports/{region}/{period}/note")
	@Operation(summary = "Save the office's problems found and requirements (each at most 5000 characters); "
			+ "earlier versions are kept")
	ReportNote saveNote(@PathVariable String region, @PathVariable String period, @RequestBody NoteRequest body) {
		return reports.saveNote(RegionCode.parse("region", region), Period.parse("period", period), body.problems(),
				body.requirements());
	}

	@PostMapping("/api/v1/reports/{region}/{period}/exports")
	@Operation(summary = "Render the report in the background (format=pdf|xlsx): 202 with the export's Location")
	ResponseEntity<ExportView> export(@PathVariable String region, @PathVariable String period,
			@RequestParam(required = false) String format) {
		ExportView view = exports.request(RegionCode.parse("region", region), Period.parse("period", period), format);
		return ResponseEntity.accepted().location(URI.create("/api/v1/exports/" + view.id())).body(view);
	}

	@GetMapping("/api/v1/exports/{id}")
	@Operation(summary = "A background export: status, progress 0–100, and the file's link when done (requester only)")
	ExportView exportStatus(@PathVariable String id) {
		return exports.find(id);
	}

	@GetMapping("/api/v1/exports/{id}/file")
	@Operation(summary = "The file of a finished export (requester only)")
	ResponseEntity<byte[]> exportFile(@PathVariable String id) {
		return download(exports.file(id));
	}

	static ResponseEntity<byte[]> download(ExportFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName()).build().toString())
			.body(file.bytes());
	}
}
