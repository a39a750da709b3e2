package org.hcp.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hcp.evaluation.EvaluationView;
import org.hcp.evaluation.Evaluations;
import org.hcp.evaluation.StaffRating;
import org.hcp.rectification.WorkOrderView;
import org.hcp.rectification.WorkOrders;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The window staff member's own page 我的评价: their bad reviews with the work order, the appeal (or the way to
 * file one while the window is open), and all their ratings — rater identities masked, excluded ones marked.
 */
@Controller
class MineScreen {

	static final int PAGE = 20;

	private final Evaluations evaluations;
	private final WorkOrders orders;
	private final Appeals appeals;
	private final Clock clock;

	MineScreen(Evaluations evaluations, WorkOrders orders, Appeals appeals, Clock clock) {
		this.evaluations = evaluations;
		this.orders = orders;
		this.appeals = appeals;
		this.clock = clock;
	}

	/** One rating as the page shows it. */
	record Rating(long id, String at, String caseNo, int level, String channel, String comment, String rater,
			boolean excluded) {

		static Rating of(StaffRating r) {
			EvaluationView v = r.rating();
			String rater = v.raterName() != null ? v.raterName() : v.raterMobile();
			return new Rating(v.id(), ScreenText.time(v.assessedAt()), v.caseNo(), v.level(), v.channel().name(),
					v.comment(), rater, r.excluded());
		}
	}

	/** A bad review with its work order and appeal; {@code appealUntil} is set while an appeal may be filed. */
	record BadReview(Rating rating, Long orderId, String orderNo, String orderState, Long appealId,
			String appealState, String appealUntil) {
	}

	@GetMapping("/app/mine")
	String mine(@RequestParam(defaultValue = "0") int page, Model model) {
		Caller.requireAny(Role.STAFF);
		Optional<String> staffNo = Caller.current().map(Caller::staffNo);
		if (staffNo.isEmpty()) {
			model.addAttribute("noStaffNo", true);
			return "appeal/mine";
		}
		int p = Math.max(0, page);
		List<Rating> ratings = evaluations.ofStaff(staffNo.get(), false, p, PAGE).stream().map(Rating::of).toList();
		Instant now = clock.instant();
		List<BadReview> bad = evaluations.ofStaff(staffNo.get(), true, 0, PAGE).stream()
			.map(r -> badReview(Rating.of(r), now))
			.toList();
		model.addAttribute("staffNo", staffNo.get());
		model.addAttribute("ratings", ratings);
		model.addAttribute("badReviews", bad);
		model.addAttribute("page", p);
		model.addAttribute("hasNext", ratings.size() == PAGE);
		return "appeal/mine";
	}

	private BadReview badReview(Rating rating, Instant now) {
		Optional<WorkOrderView> order = orders.forEvaluation(rating.id());
		if (order.isEmpty()) {
			return new BadReview(rating, null, null, null, null, null, null);
		}
		WorkOrderView o = order.get();
		Optional<AppealView> appeal = appeals.forOrder(o.id());
		String until = appeal.isPresent() || !o.state().isOpen() ? null
				: appeals.filingClosesAt(o).filter(now::isBefore).map(ScreenText::lastDay).orElse(null);
		return new BadReview(rating, o.id(), o.orderNo(), o.state().name(), appeal.map(AppealView::id).orElse(null),
				appeal.map(a -> a.state().name()).orElse(null), until);
	}

	@ExceptionHandler(HcpException.class)
	ModelAndView refused(HcpException e, Locale locale) {
		return AppealScreens.errorPage(e, locale);
	}
}
