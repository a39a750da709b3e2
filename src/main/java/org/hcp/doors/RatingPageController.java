package org.hcp.doors;

import java.util.List;
import java.util.UUID;

import org.hcp.evaluation.BoundRating;
import org.hcp.evaluation.EvaluationView;
import org.hcp.evaluation.RatingDoors;
import org.hcp.privacy.Mobile;
import org.hcp.shared.HcpException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The rating page of a token {@code /rate/t/{token}} (a window's printed code, a case receipt, a kiosk): what is
 * rated — item, window, staff number, never a name or a mobile — the rater's proof where the token needs it, and the
 * shared rating form. The token is the credential (no sign-in, no CSRF: ADR 0022); a page load carries its own
 * idempotency key, so a form sent twice stores one rating.
 */
@Controller
class RatingPageController {

	static final String PAGE = "doors/rate";

	private final RatingDoors doors;
	private final OneTimeCodeService codes;
	private final RatingPageThanks thanks;
	private final RatingPageKiosk kiosk;
	private final MessageSource messages;

	RatingPageController(RatingDoors doors, OneTimeCodeService codes, RatingPageThanks thanks, RatingPageKiosk kiosk,
			MessageSource messages) {
		this.messages = messages;
		this.doors = doors;
		this.codes = codes;
		this.thanks = thanks;
		this.kiosk = kiosk;
	}

	@GetMapping({ "/rate/t/{token}", "/kiosk/{token}" })
	String page(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		return show(token, RatingPageForm.EMPTY, model, request, response);
	}

	@PostMapping({ "/rate/t/{token}", "/kiosk/{token}" })
	String rate(@PathVariable String token, RatingPageForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			List<EvaluationView> stored = doors.rateWithToken(token, new BoundRating(form.caseNoOrNull(), form.level(),
					form.indicatorsOrEmpty(), form.text(), form.rater(), form.oneTimeCodeOrNull()), form.keyOrNull());
			return thanks.redirect(stored.get(0), RatingPageThanks.Door.ofToken(doors.open(token).kind(), path(request)));
		}
		catch (HcpException e) {
			if (e.status() == HttpStatus.UNAUTHORIZED) {
				return expired(response);
			}
			unlessPage(e);
			if (!proofProblem(e, model)) {
				model.addAttribute("ratingError", RatingPageProblems.message(e));
			}
			if (form.isBad() && (form.lacksReason() || RatingPageProblems.concerns(e, "indicators"))) {
				model.addAttribute("badLevel", form.level());
			}
			response.setStatus(e.status().value());
			return show(token, form.proofOnly(), model, request, response);
		}
	}

	/** Sends the SMS code to the mobile typed into the proof fields (plain post of the same form; nothing is rated). */
	@PostMapping({ "/rate/t/{token}/code", "/kiosk/{token}/code" })
	String sendCode(@PathVariable String token, RatingPageForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			doors.open(token);
			Mobile mobile = Mobile.parseOptional("mobile", form.mobile());
			if (mobile == null) {
				throw HcpException.invalid("mobile", "REQUIRED", "请填写手机号码", "Enter the mobile number");
			}
			codes.send(mobile, form.caseNoOrNull() != null ? form.caseNoOrNull() : doors.open(token).caseNo());
			model.addAttribute("codeSent", true);
		}
		catch (HcpException e) {
			if (e.status() == HttpStatus.UNAUTHORIZED) {
				return expired(response);
			}
			unlessPage(e);
			if (!proofProblem(e, model)) {
				model.addAttribute("proofError", RatingPageProblems.message(e));
			}
			response.setStatus(e.status().value());
		}
		return show(token, form.proofOnly(), model, request, response);
	}

	/**
	 * The address the page shows after "send code" opened without a post — the language switch, the no-script
	 * large-text toggle, a bookmark — is the rating page itself (the language choice kept), never an error.
	 */
	@GetMapping({ "/rate/t/{token}/code", "/kiosk/{token}/code" })
	String afterCode(@PathVariable String token, @RequestParam(required = false) String lang,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			doors.open(token); // a signed token only: nothing made up is echoed into the redirect
		}
		catch (HcpException e) {
			return expired(response);
		}
		String page = (path(request).startsWith("/kiosk/") ? "/kiosk/" : "/rate/t/") + token;
		return "redirect:" + page + ("en".equals(lang) || "zh-CN".equals(lang) ? "?lang=" + lang : "");
	}

	/**
	 * A refusal of the rater's proof is shown with the proof fields: next to the one field it names (mobile, SMS code,
	 * ID number: the page marks that field invalid and describes it by the message), else — the case number, or the
	 * one answer that does not tell which part of the proof did not match — at the top of the proof fields.
	 */
	private boolean proofProblem(HcpException e, Model model) {
		for (String field : RatingPageProblems.PROOF_FIELDS) {
			if (RatingPageProblems.concerns(e, field)) {
				// the mobile's own message names the field by its API name; the page says it in the reader's words
				model.addAttribute("proofError", "BAD_MOBILE".equals(e.code())
						? messages.getMessage("door.page.proof.mobileInvalid", null, LocaleContextHolder.getLocale())
						: RatingPageProblems.message(e));
				model.addAttribute("proofField", "caseNo".equals(field) ? null : field);
				return true;
			}
		}
		return false;
	}

	private String show(String token, RatingPageForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		RatingDoors.Opened opened;
		try {
			opened = doors.open(token);
		}
		catch (HcpException e) {
			return expired(response);
		}
		model.addAttribute("opened", opened);
		model.addAttribute("options", doors.badReviewOptions(opened.family()));
		model.addAttribute("key", UUID.randomUUID().toString());
		String base = (path(request).startsWith("/kiosk/") ? "/kiosk/" : "/rate/t/") + token;
		model.addAttribute("action", base);
		model.addAttribute("codeAction", base + "/code");
		model.addAttribute("form", form);
		if (RatingPageThanks.Door.ofToken(opened.kind(), path(request)) == RatingPageThanks.Door.KIOSK) {
			kiosk.idle(model);
		}
		return PAGE;
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * A forged or expired token: a person's browser (asking for HTML) gets the page that says so, anyone else the
	 * platform's one error shape, problem+json.
	 */
	static String expired(HttpServletResponse response) {
		if (!wantsPage()) {
			throw new HcpException(HttpStatus.UNAUTHORIZED, "LINK_EXPIRED",
					org.hcp.shared.Bilingual.of("评价链接无效或已过期，请重新扫码", "The rating link is not valid or has expired; scan again"),
					java.util.List.of(org.hcp.shared.FieldProblem.of("token", "评价链接无效或已过期", "not valid or expired")));
		}
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		return "doors/expired";
	}

	/**
	 * A refusal on a rater's page is shown on the page to a person's browser (which asks for HTML); anyone else gets
	 * it as the platform's one error shape, problem+json: rethrown here.
	 */
	static void unlessPage(HcpException refusal) {
		if (!wantsPage()) {
			throw refusal;
		}
	}

	/** Whether the request being answered asked for HTML, as a browser's navigation and form posts do. */
	static boolean wantsPage() {
		String accept = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
				instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
						? attributes.getRequest().getHeader("Accept") : null;
		return accept != null && accept.contains("text/html");
	}
}
