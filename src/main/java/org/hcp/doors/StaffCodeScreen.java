package org.hcp.doors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hcp.catalog.InstitutionView;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The office's screen of printed staff codes 一码一账号 at {@code /app/codes}: the staff of an institution with their
 * codes, issue and re-issue (htmx swaps the row; a plain form post redirects), the PNG and SVG of each code and the
 * institution's A4 sheet. Offices and administrators; region-scoped in {@link StaffCodes}.
 */
@Controller
class StaffCodeScreen {

	private static final String PAGE = "doors/codes";
	private static final String ROW = "doors/code-row :: row";

	private final StaffCodes codes;

	StaffCodeScreen(StaffCodes codes) {
		this.codes = codes;
	}

	/** One staff member as the screen shows them; {@code state} is a message-key suffix. */
	record Row(String institutionCode, String staffNo, String maskedName, String windowCode, String windowName,
			String code, String issuedAt, String state, boolean issuable) {

		static Row of(String institutionCode, StaffCodes.StaffLine s) {
			StaffCode c = s.code();
			String state = c == null ? "none" : c.active() ? "active" : "stale";
			return new Row(institutionCode, s.staffNo(), s.maskedName(), s.windowCode(), s.windowName(),
					c == null ? null : c.code(), c == null ? null : ChinaTime.format(c.issuedAt()), state,
					s.active() && s.windowCode() != null);
		}
	}

	@GetMapping("/app/codes")
	String page(@RequestParam(required = false) String institutionCode, Model model, HttpServletResponse response) {
		model.addAttribute("institutionCode", institutionCode);
		if (institutionCode == null || institutionCode.isBlank()) {
			return PAGE;
		}
		try {
			InstitutionView institution = codes.institution(institutionCode.strip());
			model.addAttribute("institution", institution);
			model.addAttribute("rows", codes.staffOf(institution.code()).stream().map(s -> Row.of(institution.code(), s))
				.toList());
		}
		catch (HcpException e) {
			refused(e, model, response);
		}
		return PAGE;
	}

	@PostMapping("/app/codes/issue")
	String issue(@RequestParam(required = false) String institutionCode, @RequestParam(required = false) String staffNo,
			@RequestParam(required = false) String windowCode,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			StaffCodes.Issued issued = codes.issue(staffNo, windowCode);
			String institution = issued.code().institutionCode();
			if ("true".equals(htmx)) {
				StaffCodes.StaffLine line = codes.staffOf(institution).stream()
					.filter(s -> s.staffNo().equals(issued.code().staffNo()))
					.findFirst()
					.orElseThrow();
				model.addAttribute("r", Row.of(institution, line));
				model.addAttribute("justIssued", true);
				return ROW;
			}
			redirect.addFlashAttribute("notice", issued.replacedCode() == null ? "door.code.notice.issued"
					: "door.code.notice.reissued");
			redirect.addFlashAttribute("noticeArg", issued.code().staffNo());
			redirect.addAttribute("institutionCode", institution);
			return "redirect:/app/codes";
		}
		catch (HcpException e) {
			if ("true".equals(htmx)) {
				// the row stays; the problem shows above the table (htmx swaps it in by its id, out of band)
				response.setHeader("HX-Retarget", "#code-problems");
				response.setHeader("HX-Reswap", "outerHTML");
				refused(e, model, response);
				response.setStatus(200);
				return "doors/codes :: problems";
			}
			String view = page(institutionCode, model, response);
			refused(e, model, response);
			return view;
		}
	}

	@GetMapping("/app/codes/{staffNo}.png")
	ResponseEntity<byte[]> png(@PathVariable String staffNo) {
		return StaffCodeController.image(MediaType.IMAGE_PNG, QrImages.png(codes.url(codes.activeOf(staffNo))));
	}

	@GetMapping("/app/codes/{staffNo}.svg")
	ResponseEntity<byte[]> svg(@PathVariable String staffNo) {
		return StaffCodeController.image(StaffCodeController.SVG,
				QrImages.svg(codes.url(codes.activeOf(staffNo))).getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/app/codes/institutions/{institutionCode}.pdf")
	ResponseEntity<byte[]> sheet(@PathVariable String institutionCode) {
		return StaffCodeController.pdf(codes.institution(institutionCode).name(), institutionCode, codes);
	}

	private static void refused(HcpException e, Model model, HttpServletResponse response) {
		List<FieldProblem> problems = new ArrayList<>(e.fields());
		if (problems.isEmpty()) {
			problems.add(FieldProblem.of("", e.text().zh(), e.text().en()));
		}
		model.addAttribute("problems", problems);
		response.setStatus(e.status() == HttpStatus.NOT_FOUND ? 404 : e.status().value());
	}
}
