package org.hcp.doors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hcp.cases.CaseView;
import org.hcp.cases.Cases;
import org.hcp.evaluation.Channel;
import org.hcp.evaluation.EvaluationView;
import org.hcp.evaluation.Evaluations;
import org.hcp.evaluation.Rater;
import org.hcp.evaluation.RatingDoors;
import org.hcp.privacy.Mobile;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The 12345 operator's rating entry (/app/hotline/rate, pf 6): the operator finds the case by its number inside
 * their region, sees what it is (item, department, status, services, which are rated — the applicant's name masked)
 * and records the rating the caller speaks, with the call reference. The rating is the façade's
 * ({@link RatingDoors#enter}): it stores the operator as the submitter and refuses what the API refuses; refusals
 * stay on the page next to their field.
 */
@Controller
class HotlineEntryScreens {

	private final RatingDoors doors;
	private final Cases cases;
	private final Evaluations evaluations;

	HotlineEntryScreens(RatingDoors doors, Cases cases, Evaluations evaluations) {
		this.doors = doors;
		this.cases = cases;
		this.evaluations = evaluations;
	}

	@GetMapping("/app/hotline/rate")
	String page(@RequestParam(required = false) String caseNo, Model model, HttpServletResponse response) {
		Caller.requireAny(Role.HOTLINE, Role.ADMIN);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", HotlineEntryForm.empty(caseNo));
		}
		if (caseNo != null && !caseNo.isBlank()) {
			try {
				show(find(caseNo.trim()), model);
			}
			catch (HcpException e) {
				response.setStatus(e.status().value());
				problem(model, e);
			}
		}
		return "doors/entry/hotline";
	}

	@PostMapping("/app/hotline/rate")
	String rate(HotlineEntryForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Caller.requireAny(Role.HOTLINE, Role.ADMIN);
		try {
			Mobile caller = Mobile.parseOptional("callerMobile", form.callerMobile());
			List<EvaluationView> stored = doors.enter(new RatingDoors.Entry(Channel.HOTLINE_12345, trim(form.caseNo()),
					form.serviceNo(), form.level(), form.indicators() == null ? List.of() : form.indicators(),
					form.comment(), form.callReference(), caller == null ? Rater.ANONYMOUS : new Rater(null, null, null, caller),
					null));
			EvaluationView first = stored.get(0);
			redirect.addFlashAttribute("recorded", new Recorded(first.caseNo(), first.serviceNo(), first.level(),
					form.callReference().trim(), stored.size()));
			return "redirect:/app/hotline/rate";
		}
		catch (HcpException e) {
			if (e.status() == org.springframework.http.HttpStatus.FORBIDDEN && !"OUT_OF_SCOPE".equals(e.code())) {
				throw e;
			}
			response.setStatus(e.status().value());
			model.addAttribute("form", form);
			problem(model, e);
			if (form.caseNo() != null && !form.caseNo().isBlank() && !"OUT_OF_SCOPE".equals(e.code())) {
				try {
					show(find(form.caseNo().trim()), model);
				}
				catch (HcpException unknown) {
					// the case itself is what is wrong: the refusal already says so
				}
			}
			return "doors/entry/hotline";
		}
	}

	private CaseView find(String caseNo) {
		return cases.find("caseNo", caseNo).orElseThrow(() -> HcpException.notFound("caseNo", "UNKNOWN_CASE",
				"没有找到办件 " + caseNo, "No case " + caseNo));
	}

	/** The case as the operator sees it: no personal data but the masked name, each service with its rating. */
	private void show(CaseView c, Model model) {
		Map<Integer, Integer> rated = new LinkedHashMap<>();
		for (EvaluationView e : evaluations.byCase(c.caseNo())) {
			rated.putIfAbsent(e.serviceNo(), e.level());
		}
		model.addAttribute("found", c);
		model.addAttribute("rated", rated);
		model.addAttribute("options", doors.badReviewOptions(RatingDoors.familyOf(c, Channel.HOTLINE_12345)));
	}

	static void problem(Model model, HcpException e) {
		boolean chinese = Locale.CHINESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
		model.addAttribute("problem", chinese ? e.text().zh() : e.text().en());
		model.addAttribute("problemCode", e.code());
		Map<String, String> byField = new LinkedHashMap<>();
		for (FieldProblem f : e.fields()) {
			byField.putIfAbsent(f.field(), chinese ? f.zh() : f.en());
		}
		if (byField.isEmpty() && !e.fields().isEmpty()) {
			byField.put(e.fields().get(0).field(), chinese ? e.text().zh() : e.text().en());
		}
		model.addAttribute("fieldErrors", byField);
	}

	private static String trim(String text) {
		return text == null ? null : text.trim();
	}

	/** The levels offered, best first, none chosen. */
	static final List<Integer> LEVELS = List.of(5, 4, 3, 2, 1);

	/**
	 * The operator's form.
	 *
	 * @param callReference the 12345 call reference (required)
	 * @param callerMobile the caller's mobile, when they give it (optional)
	 */
	record HotlineEntryForm(String caseNo, Integer serviceNo, Integer level, List<String> indicators, String comment,
			String callReference, String callerMobile) {

		static HotlineEntryForm empty(String caseNo) {
			return new HotlineEntryForm(caseNo, null, null, List.of(), null, null, null);
		}

		/** Whether an indicator was ticked (to show it again after a refusal). */
		public boolean ticked(String code) {
			return indicators != null && indicators.contains(code);
		}

		public List<Integer> levels() {
			return LEVELS;
		}
	}

	/** What was just recorded, for the notice after the redirect. */
	record Recorded(String caseNo, int serviceNo, int level, String callReference, int rows) {

		public boolean bad() {
			return level <= 2;
		}
	}
}
