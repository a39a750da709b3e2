package org.hcp.analytics;

import java.util.Locale;

import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The report screen (/app/reports) for offices and administrators: choose region and period, see the main figures,
 * download the PDF or Excel, render large ones in the background with a progress bar (htmx polls the export), and
 * write the problems found and requirements. Translates forms only; {@link Reports} and {@link Exports} check.
 */
@Controller
class ReportScreens {

	private final Reports reports;
	private final Exports exports;

	ReportScreens(Reports reports, Exports exports) {
		this.reports = reports;
		this.exports = exports;
	}

	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return ChinaTime.ZONE;
	}

	@GetMapping("/app/reports")
	String page(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
			@RequestParam(required = false) String saved, Model model, HttpServletResponse response) {
		Caller.requireAny(Role.OFFICE);
		String regionText = region != null ? region
				: Caller.current().map(Caller::region).map(RegionCode::value).orElse("");
		model.addAttribute("region", regionText);
		model.addAttribute("period", period == null ? "" : period);
		model.addAttribute("saved", saved != null);
		if (period == null || period.isBlank()) {
			return "analytics/reports";
		}
		try {
			Report report = reports.report(RankingParams.region(regionText), Period.parse("period", period));
			model.addAttribute("report", report);
			model.addAttribute("summary", Report.SUMMARY.stream().map(m -> report.figures().get(m)).toList());
		}
		catch (HcpException e) {
			if (e.status() == HttpStatus.FORBIDDEN) {
				throw e;
			}
			response.setStatus(e.status().value());
			boolean chinese = Locale.CHINESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
			model.addAttribute("problem", chinese ? e.text().zh() : e.text().en());
		}
		return "analytics/reports";
	}

	@PostMapping("/app/reports/note")
	String saveNote(@RequestParam String region, @RequestParam String period,
			@RequestParam(required = false) String problems, @RequestParam(required = false) String requirements) {
		reports.saveNote(RegionCode.parse("region", region), Period.parse("period", period), problems, requirements);
		return "redirect:/app/reports?region=" + RegionCode.parse("region", region).value() + "&period="
				+ Period.parse("period", period).label() + "&saved";
	}

	@GetMapping("/app/reports/{region}/{file}")
	ResponseEntity<byte[]> download(@PathVariable String region, @PathVariable String file) {
		int dot = file.lastIndexOf('.');
		ExportFormat format = ExportFormat.parse("format", dot < 0 ? "" : file.substring(dot + 1));
		RegionCode code = RegionCode.parse("region", region);
		Period period = Period.parse("period", file.substring(0, Math.max(0, dot)));
		byte[] bytes = format == ExportFormat.PDF ? reports.pdf(code, period) : reports.xlsx(code, period);
		return ReportController.download(new ExportFile(bytes, format.contentType,
				code.value() + "-" + period.label() + "." + format.extension()));
	}

	@PostMapping("/app/reports/exports")
	String export(@RequestParam String region, @RequestParam String period, @RequestParam String format, Model model) {
		model.addAttribute("export", exports.request(RegionCode.parse("region", region), Period.parse("period", period),
				format));
		return "analytics/export-progress";
	}

	@GetMapping("/app/reports/exports/{id}")
	String exportProgress(@PathVariable String id, Model model) {
		model.addAttribute("export", exports.find(id));
		return "analytics/export-progress";
	}

	@GetMapping("/app/reports/exports/{id}/file")
	ResponseEntity<byte[]> exportFile(@PathVariable String id) {
		return ReportController.download(exports.file(id));
	}
}
