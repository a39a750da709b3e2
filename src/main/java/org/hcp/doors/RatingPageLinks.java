package org.hcp.doors;

import java.util.List;
import java.util.Optional;

import org.hcp.evaluation.CaseLinks;
import org.hcp.evaluation.RatingDoors;
import org.hcp.shared.Bilingual;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What a scan or a tap opens: {@code /q/{code}} a window's printed staff code 一码一账号, {@code /c/{code}} a case's
 * short link (receipt QR, invitation SMS). Each resolves to a freshly minted token and redirects to its rating page;
 * a re-issued staff code gets a page that says to ask the window for the new one, an unknown code the expired page.
 */
@Controller
class RatingPageLinks {

	private final StaffCodes staffCodes;
	private final CaseLinks caseLinks;
	private final RatingDoors doors;

	RatingPageLinks(StaffCodes staffCodes, CaseLinks caseLinks, RatingDoors doors) {
		this.staffCodes = staffCodes;
		this.caseLinks = caseLinks;
		this.doors = doors;
	}

	@GetMapping("/q/{code}")
	String staffCode(@PathVariable String code, HttpServletResponse response) {
		Optional<StaffCode> found = staffCodes.resolve(code);
		if (found.isEmpty()) {
			return notFound(response);
		}
		StaffCode c = found.get();
		if (!c.active()) {
			if (!RatingPageController.wantsPage()) {
				throw new HcpException(HttpStatus.GONE, "CODE_REPLACED",
						Bilingual.of("该二维码已停用，请向窗口索取新的二维码", "This code was replaced; ask the window for the new one"),
						List.of(FieldProblem.of("code", "该二维码已停用", "this code was replaced")));
			}
			response.setStatus(HttpStatus.GONE.value());
			return "doors/replaced";
		}
		return "redirect:/rate/t/" + doors.windowCodeToken(c.windowCode(), c.staffNo());
	}

	@GetMapping("/c/{code}")
	String caseLink(@PathVariable String code, HttpServletResponse response) {
		return caseLinks.caseNoOf(code).map(caseNo -> "redirect:/rate/t/" + doors.receiptToken(caseNo))
			.orElseGet(() -> notFound(response));
	}

	/**
	 * A person's browser (asking for HTML) gets the page that says the link is unknown; anyone else the one error
	 * shape of the platform, problem+json.
	 */
	private static String notFound(HttpServletResponse response) {
		if (!RatingPageController.wantsPage()) {
			throw HcpException.notFound("code", "UNKNOWN_LINK", "链接不存在或已失效", "No such link, or it is no longer valid");
		}
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "doors/expired";
	}
}
