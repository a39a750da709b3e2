package org.hcp.doors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hcp.catalog.ChannelFamily;
import org.hcp.evaluation.Channel;
import org.hcp.evaluation.RatingDoors;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Paper forms 纸质评价表 in bulk (/app/paper): a staff member of a village or township point types in several forms at
 * once — form number, case, service, level, indicator codes, text, an optional scan. Each row is stored on its own
 * through {@link RatingDoors#enter} (channel {@link Channel#PAPER_FORM}, the person as submitter, the form number
 * entered once); stored rows are listed as done, refused rows stay on the page with the reason next to the field.
 * Works without JavaScript: "add a row" is a submit button that gives the page back with one row more.
 */
@Controller
class PaperFormScreens {

	/** Rows on a fresh page. */
	static final int START_ROWS = 5;
	/** Rows one submission takes at most. */
	static final int MAX_ROWS = 50;

	private final RatingDoors doors;
	private final PaperForms forms;

	PaperFormScreens(RatingDoors doors, PaperForms forms) {
		this.doors = doors;
		this.forms = forms;
	}

	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return ChinaTime.ZONE;
	}

	@GetMapping("/app/paper")
	String page(Model model) {
		PaperForms.requireEnterer();
		if (!model.containsAttribute("rows")) {
			List<PaperFormRow> rows = new ArrayList<>();
			for (int i = 0; i < START_ROWS; i++) {
				rows.add(PaperFormRow.blank());
			}
			model.addAttribute("rows", rows);
		}
		return view(model);
	}

	@PostMapping("/app/paper")
	String submit(HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect)
			throws IOException {
		PaperForms.requireEnterer();
		List<PaperFormRow> rows = rows(request);
		if (request.getParameter("addRow") != null) {
			rows.add(PaperFormRow.blank());
			model.addAttribute("rows", rows);
			return view(model);
		}
		List<PaperForms.Stored> stored = new ArrayList<>();
		List<PaperFormRow> refused = new ArrayList<>();
		HttpStatus firstRefusal = null;
		for (PaperFormRow row : rows) {
			if (row.isBlank()) {
				continue;
			}
			try {
				stored.add(forms.enter(row.entry()));
			}
			catch (HcpException e) {
				refused.add(row.refused(e));
				firstRefusal = firstRefusal == null ? e.status() : firstRefusal;
			}
		}
		if (refused.isEmpty() && stored.isEmpty()) {
			model.addAttribute("rows", rows);
			model.addAttribute("nothing", true);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return view(model);
		}
		if (refused.isEmpty()) {
			redirect.addFlashAttribute("stored", stored);
			return "redirect:/app/paper";
		}
		// refused rows stay on the page; a row's own status when nothing was stored, else 422 for the mixed outcome
		response.setStatus(stored.isEmpty() ? firstRefusal.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("stored", stored);
		model.addAttribute("rows", refused);
		return view(model);
	}

	/** A form's scan, to people whose region holds the form's case. */
	@GetMapping("/app/paper/forms/{formNo}/scan")
	ResponseEntity<byte[]> scan(@PathVariable String formNo) {
		PaperForms.requireEnterer();
		PaperForms.Scan scan = forms.scan(formNo);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(scan.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + formNo.replaceAll("[^A-Za-z0-9_.-]", "_")
					+ scan.extension() + "\"")
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(scan.content());
	}

	private String view(Model model) {
		model.addAttribute("options", doors.badReviewOptions(ChannelFamily.OFFLINE));
		model.addAttribute("recent", forms.recentOfCurrentPerson());
		model.addAttribute("maxRows", MAX_ROWS);
		model.addAttribute("levels", HotlineEntryScreens.LEVELS);
		return "doors/paper/forms";
	}

	/** The rows of a submitted page, as typed. */
	private static List<PaperFormRow> rows(HttpServletRequest request) throws IOException {
		int count;
		try {
			count = Math.max(1, Math.min(MAX_ROWS, Integer.parseInt(String.valueOf(request.getParameter("rows")).trim())));
		}
		catch (NumberFormatException e) {
			count = START_ROWS;
		}
		List<PaperFormRow> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			MultipartFile file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("scan-" + i)
					: null;
			byte[] scan = file == null || file.isEmpty() ? null : file.getBytes();
			rows.add(new PaperFormRow(param(request, "formNo-" + i), param(request, "caseNo-" + i),
					param(request, "serviceNo-" + i), param(request, "level-" + i), param(request, "indicators-" + i),
					param(request, "comment-" + i), scan, file == null || file.isEmpty() ? null : file.getOriginalFilename(),
					null, null, Map.of()));
		}
		return rows;
	}

	private static String param(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		return value == null ? "" : value.strip();
	}

	/**
	 * One row of the page: what was typed, and after a refusal the reason (message, code, field messages).
	 *
	 * @param scanName the chosen scan's file name (a refused row's scan must be chosen again)
	 */
	record PaperFormRow(String formNo, String caseNo, String serviceNo, String level, String indicators,
			String comment, byte[] scan, String scanName, String problem, String problemCode,
			Map<String, String> fieldErrors) {

		static PaperFormRow blank() {
			return new PaperFormRow("", "", "", "", "", "", null, null, null, null, Map.of());
		}

		public boolean isBlank() {
			return formNo.isEmpty() && caseNo.isEmpty() && serviceNo.isEmpty() && level.isEmpty() && indicators.isEmpty()
					&& comment.isEmpty() && scan == null;
		}

		public boolean hasError(String field) {
			return fieldErrors.containsKey(field);
		}

		public String error(String field) {
			return fieldErrors.get(field);
		}

		/** The façade's entry for this row; 422 naming the field when a number is not one. */
		RatingDoors.Entry entry() {
			return new RatingDoors.Entry(Channel.PAPER_FORM, caseNo.isEmpty() ? null : caseNo,
					number("serviceNo", serviceNo, "服务序号须为数字", "The service number must be a number"),
					number("level", level, "请选择评价等级", "Choose the level"),
					indicators.isEmpty() ? List.of() : Arrays.stream(indicators.split("[,，;；、\\s]+"))
						.filter(s -> !s.isBlank()).toList(),
					comment.isEmpty() ? null : comment, formNo, null, scan);
		}

		PaperFormRow refused(HcpException e) {
			boolean chinese = Locale.CHINESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
			Map<String, String> byField = new LinkedHashMap<>();
			for (FieldProblem f : e.fields()) {
				byField.putIfAbsent(f.field(), chinese ? f.zh() : f.en());
			}
			return new PaperFormRow(formNo, caseNo, serviceNo, level, indicators, comment, null, scanName,
					chinese ? e.text().zh() : e.text().en(), e.code(), byField);
		}

		private static Integer number(String field, String text, String zh, String en) {
			if (text.isEmpty()) {
				return null;
			}
			try {
				return Integer.valueOf(text);
			}
			catch (NumberFormatException e) {
				throw HcpException.invalid(field, "NOT_A_NUMBER", zh, en);
			}
		}
	}
}
