package org.hcp.doors;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hcp.evaluation.BoundRating;
import org.hcp.evaluation.Channel;
import org.hcp.evaluation.EvaluationView;
import org.hcp.evaluation.Rater;
import org.hcp.evaluation.RatingDoors;
import org.hcp.privacy.Mobile;
import org.hcp.shared.HcpException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * 一事一评 in the portal and the app (pf 1, 2): {@code /rate} — the rater signs in with the mobile and the SMS code
 * sent to it (held in the HTTP session, apart from the staff's sign-in; the session id changes on sign-in), sees their
 * cases with each service "rate" or "rated ★n", and rates one through {@link RatingDoors#rateAsApplicant} — channel
 * MOBILE_APP when the page was opened as {@code /rate?via=app} (kept in the session), else WEB_PORTAL. The rules
 * (once per service, per visit for 承诺件, batches, chains) are the evaluation module's.
 */
@Controller
class PortalRating {

	static final String MOBILE = "doors.portal.mobile";
	static final String VIA_APP = "doors.portal.app";

	private final RatingDoors doors;
	private final OneTimeCodeService codes;
	private final RatingPageThanks thanks;

	PortalRating(RatingDoors doors, OneTimeCodeService codes, RatingPageThanks thanks) {
		this.doors = doors;
		this.codes = codes;
		this.thanks = thanks;
	}

	@GetMapping("/rate")
	String home(@RequestParam(required = false) String via, HttpSession session, Model model) {
		if (via != null) {
			session.setAttribute(VIA_APP, "app".equals(via));
		}
		Optional<Mobile> mobile = proven(session);
		if (mobile.isEmpty()) {
			return "doors/portal-signin";
		}
		model.addAttribute("cases", doors.rateable(mobile.get()));
		model.addAttribute("mobile", mobile.get().masked());
		return "doors/portal";
	}

	@PostMapping("/rate/code")
	String sendCode(@RequestParam(required = false) String mobile, Model model, HttpServletResponse response) {
		model.addAttribute("mobile", mobile);
		try {
			Mobile m = Mobile.parseOptional("mobile", mobile);
			if (m == null) {
				throw HcpException.invalid("mobile", "REQUIRED", "请填写手机号码", "Enter the mobile number");
			}
			codes.send(m, null);
			model.addAttribute("codeSent", true);
			model.addAttribute("step2", true);
		}
		catch (HcpException e) {
			RatingPageController.unlessPage(e);
			model.addAttribute("signinError", RatingPageProblems.message(e));
			response.setStatus(e.status().value());
		}
		return "doors/portal-signin";
	}

	@PostMapping("/rate/signin")
	String signIn(@RequestParam(required = false) String mobile, @RequestParam(required = false) String code,
			HttpServletRequest request, Model model, HttpServletResponse response) {
		try {
			Mobile m = Mobile.parseOptional("mobile", mobile);
			if (m == null || code == null || !codes.consume(m, code.strip())) {
				throw HcpException.invalid("code", "ONE_TIME_CODE_WRONG", "手机号码或短信验证码不正确，或验证码已失效",
						"The mobile or the SMS code is wrong, or the code is no longer valid");
			}
			request.changeSessionId(); // no fixation: whoever knew the old session id is not signed in
			request.getSession().setAttribute(MOBILE, m.value());
			return "redirect:/rate";
		}
		catch (HcpException e) {
			RatingPageController.unlessPage(e);
			model.addAttribute("mobile", mobile);
			model.addAttribute("signinError", RatingPageProblems.message(e));
			model.addAttribute("step2", true);
			response.setStatus(e.status().value());
			return "doors/portal-signin";
		}
	}

	@PostMapping("/rate/signout")
	String signOut(HttpSession session) {
		session.removeAttribute(MOBILE);
		return "redirect:/rate";
	}

	@GetMapping("/rate/case/{caseNo}")
	String ratePage(@PathVariable String caseNo, @RequestParam(required = false) Integer service,
			@RequestParam(defaultValue = "false") boolean chain, HttpSession session, Model model) {
		Optional<Mobile> mobile = proven(session);
		if (mobile.isEmpty()) {
			return "redirect:/rate";
		}
		RatingDoors.RateableCase c = doors.rateable(mobile.get()).stream().filter(x -> x.caseNo().equals(caseNo))
			.findFirst().orElse(null);
		if (c == null) {
			return "redirect:/rate";
		}
		model.addAttribute("rcase", c);
		model.addAttribute("service", service);
		model.addAttribute("chain", chain);
		model.addAttribute("options", doors.badReviewOptions(c.family()));
		model.addAttribute("key", UUID.randomUUID().toString());
		model.addAttribute("action", "/rate/case/" + caseNo);
		return "doors/portal-rate";
	}

	@PostMapping("/rate/case/{caseNo}")
	String rate(@PathVariable String caseNo, @RequestParam(required = false) Integer serviceNo,
			@RequestParam(defaultValue = "false") boolean wholeChain, RatingPageForm form, HttpSession session,
			Model model, HttpServletResponse response) {
		Optional<Mobile> mobile = proven(session);
		if (mobile.isEmpty()) {
			return "redirect:/rate";
		}
		Channel channel = Boolean.TRUE.equals(session.getAttribute(VIA_APP)) ? Channel.MOBILE_APP : Channel.WEB_PORTAL;
		try {
			List<EvaluationView> stored = doors.rateAsApplicant(mobile.get(), channel, caseNo, serviceNo, wholeChain,
					new BoundRating(null, form.level(), form.indicatorsOrEmpty(), form.text(),
							new Rater(null, null, null, mobile.get()), null), form.keyOrNull());
			return thanks.redirect(stored.get(0), RatingPageThanks.Door.PORTAL);
		}
		catch (HcpException e) {
			RatingPageController.unlessPage(e);
			model.addAttribute("ratingError", RatingPageProblems.message(e));
			if (form.isBad() && (form.lacksReason() || RatingPageProblems.concerns(e, "indicators"))) {
				model.addAttribute("badLevel", form.level());
			}
			String page = ratePage(caseNo, serviceNo, wholeChain, session, model);
			response.setStatus(e.status().value());
			return page.startsWith("redirect:") ? "doors/expired" : page;
		}
	}

	private static Optional<Mobile> proven(HttpSession session) {
		Object value = session.getAttribute(MOBILE);
		return value instanceof String s ? Optional.of(new Mobile(s)) : Optional.empty();
	}
}
