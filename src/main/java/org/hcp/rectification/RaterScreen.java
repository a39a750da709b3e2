package org.hcp.rectification;

import org.hcp.shared.HcpException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The rater's status page {@code /r/{token}}, reached from the reply SMS without signing in (the unguessable token
 * is the key; rate-limited per address): the department's reply — nothing personal — and the question
 * “满意 / 基本满意 / 不满意” asked again, answered once. An unknown or malformed link gets a friendly 404 page. The
 * thank-you page's progress link ({@link RatingProgressLinks}) shows the stage of the rating's order, or that it is
 * being registered.
 */
@Controller
class RaterScreen {

	static final String PAGE = "rectification/rater";
	static final String PROGRESS = "rectification/progress";

	private final WorkOrders orders;

	RaterScreen(WorkOrders orders) {
		this.orders = orders;
	}

	@GetMapping("/r/{token}")
	String status(@PathVariable String token, Model model) {
		if (RatingProgressLinks.looksLike(token)) {
			// the thank-you page's link: how far the bad rating has come, before any reply exists
			RatingProgress progress = orders.ratingProgress(token);
			model.addAttribute("progress", progress);
			model.addAttribute("deadline", ScreenViews.dueDate(progress.deadline()));
			return PROGRESS;
		}
		RaterStatus status = orders.raterStatus(token);
		model.addAttribute("status", status);
		model.addAttribute("repliedAt", ScreenViews.time(status.repliedAt()));
		model.addAttribute("token", token);
		return PAGE;
	}

	@PostMapping("/r/{token}")
	String answer(@PathVariable String token, @RequestParam(required = false) String answer, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			orders.answerAsRater(token, answer(answer));
		}
		catch (HcpException e) {
			if (e.status().value() == 404 || !ScreenProblems.wantsPage(request)) {
				throw e;
			}
			ScreenProblems.show(e, model, response);
			return status(token, model);
		}
		redirect.addFlashAttribute("thanks", true);
		return "redirect:/r/" + token;
	}

	/** An unknown link: a page the rater understands, with the 404 status (problem+json unless HTML is asked for). */
	@ExceptionHandler(HcpException.class)
	Object unknown(HcpException e, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (!ScreenProblems.wantsPage(request)) {
			return ScreenProblems.json(e);
		}
		response.setStatus(e.status().value());
		model.addAttribute("unknown", true);
		return PAGE;
	}

	private static RaterAnswer answer(String text) {
		for (RaterAnswer a : RaterAnswer.values()) {
			if (a.name().equals(text)) {
				return a;
			}
		}
		throw HcpException.invalid("answer", "REQUIRED", "请选择满意、基本满意或不满意", "Choose satisfied, basically satisfied or not satisfied");
	}
}
