package org.hcp.doors;

import java.time.LocalDate;
import java.util.List;

import org.hcp.catalog.Catalog;
import org.hcp.cases.CaseView;
import org.hcp.cases.Cases;
import org.hcp.evaluation.EvaluationView;
import org.hcp.evaluation.Evaluations;
import org.hcp.rectification.RatingProgress;
import org.hcp.rectification.WorkOrders;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The thank-you page after a rating {@code /rate/thanks/{link}}: a good rating is thanked; a bad one is told who will
 * handle it (the case's department) and by when (the verification deadline its region's rule profile gives a bad
 * review made then), with the progress link of the rater's status page. The link is the rating's signed progress
 * link, so the page can be reloaded and shows nothing of another rating.
 */
@Controller
class RatingPageThanks {

	/** Where the rater came from: the page after the thanks (kiosk: back to its idle screen; portal: the list). */
	enum Door {
		PAGE, KIOSK, PORTAL;

		static Door ofToken(String kind, String path) {
			return "KIOSK".equals(kind) || path.startsWith("/kiosk/") ? KIOSK : PAGE;
		}
	}

	private final WorkOrders orders;
	private final Evaluations evaluations;
	private final Cases cases;
	private final Catalog catalog;
	private final RatingPageKiosk kiosk;

	RatingPageThanks(WorkOrders orders, Evaluations evaluations, Cases cases, Catalog catalog, RatingPageKiosk kiosk) {
		this.orders = orders;
		this.evaluations = evaluations;
		this.cases = cases;
		this.catalog = catalog;
		this.kiosk = kiosk;
	}

	String redirect(EvaluationView stored, Door door) {
		return "redirect:/rate/thanks/" + orders.progressLink(stored.id()) + "?from=" + door.name().toLowerCase();
	}

	@GetMapping("/rate/thanks/{link}")
	String thanks(@PathVariable String link, @RequestParam(defaultValue = "page") String from, Model model,
			HttpServletResponse response) {
		RatingProgress progress;
		try {
			progress = orders.ratingProgress(link);
		}
		catch (HcpException e) {
			return RatingPageController.expired(response);
		}
		EvaluationView rating = evaluations.byIds(List.of(progress.evaluationId())).get(0);
		model.addAttribute("rating", rating);
		model.addAttribute("bad", rating.level() <= 2);
		if (rating.level() <= 2) {
			CaseView c = cases.find(rating.caseNo()).orElse(null);
			String department = c == null ? null : catalog.departmentName(c.departmentCode()).orElse(c.departmentCode());
			model.addAttribute("department", department);
			model.addAttribute("verifyBy", lastDay(orders.expectedVerification(
					c == null ? null : c.region().value(), rating.assessedAt())));
			model.addAttribute("progressLink", "/r/" + link);
		}
		Door door = "kiosk".equals(from) ? Door.KIOSK : "portal".equals(from) ? Door.PORTAL : Door.PAGE;
		model.addAttribute("door", door.name());
		if (door == Door.KIOSK) {
			kiosk.idle(model);
		}
		return "doors/thanks";
	}

	/** A deadline is the first instant after its last day. */
	private static LocalDate lastDay(java.time.Instant deadline) {
		return ChinaTime.dateOf(deadline.minusNanos(1));
	}
}
