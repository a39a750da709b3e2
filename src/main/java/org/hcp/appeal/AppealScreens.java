package org.hcp.appeal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hcp.rectification.WorkOrderView;
import org.hcp.rectification.WorkOrders;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The appeal screens 申诉复核: the list (the office's appeals to decide, pending first by deadline, overdue marked;
 * staff and departments see their own), one appeal with its evidence, audit and the decision form, the appeal form
 * of a work order, and the credit records. Every read and step goes through {@link Appeals}, so the scope is the
 * REST API's.
 */
@Controller
class AppealScreens {

	static final int PAGE = 20;

	private final Appeals appeals;
	private final WorkOrders orders;
	private final AppealProperties properties;

	AppealScreens(Appeals appeals, WorkOrders orders, AppealProperties properties) {
		this.appeals = appeals;
		this.orders = orders;
		this.properties = properties;
	}

	/** An appeal as the pages show it. */
	record Row(long id, String orderNo, List<String> caseNos, String regionCode, String staffNo, String state,
			String reason, String filedBy, String filedByRole, String filedAt, String decideBy, boolean overdue,
			String outcome) {

		static Row of(AppealView a) {
			return new Row(a.id(), a.orderNo(), a.caseNos(), a.regionCode(), a.staffNo(), a.state().name(), a.reason(),
					a.filedBy(), a.filedByRole(), ScreenText.time(a.filedAt()), ScreenText.time(a.decideBy()), a.overdue(),
					a.decision() == null ? null : a.decision().outcome().name());
		}
	}

	/** Pending appeals at first; {@code state} empty shows every state. */
	@GetMapping("/app/appeals")
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) Boolean overdue,
			@RequestParam(defaultValue = "0") int page, Model model) {
		int p = Math.max(0, page);
		AppealState shown = state == null ? AppealState.PENDING : state.isBlank() ? null : parse(state);
		List<Row> rows = appeals.list(null, shown, overdue, p, PAGE).stream().map(Row::of).toList();
		model.addAttribute("appeals", rows);
		model.addAttribute("state", shown == null ? "" : shown.name());
		model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
		model.addAttribute("page", p);
		model.addAttribute("hasNext", rows.size() == PAGE);
		model.addAttribute("states", AppealState.values());
		model.addAttribute("office", mayDecide());
		return "appeal/list";
	}

	@GetMapping("/app/appeals/new")
	String form(@RequestParam long orderId, Model model) {
		Caller.requireAny(Role.STAFF, Role.DEPARTMENT);
		return form(orders.find(orderId), null, null, null, model);
	}

	/** The appeal form: multipart with its evidence files (a form without files may come urlencoded). */
	@PostMapping("/app/appeals")
	String file(@RequestParam long orderId, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String evidenceText,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> attachments, Locale locale,
			Model model) {
		try {
			AppealView filed = appeals.file(new NewAppeal(orderId, reason, evidenceText, AppealController.read(attachments)));
			return "redirect:/app/appeals/" + filed.id() + "?filed";
		}
		catch (HcpException e) {
			return form(orders.find(orderId), reason, evidenceText, ScreenText.refusal(e, locale), model);
		}
	}

	private String form(WorkOrderView order, String reason, String evidenceText, String problem, Model model) {
		Optional<AppealView> existing = appeals.forOrder(order.id());
		model.addAttribute("order", order);
		model.addAttribute("caseNos", order.caseNos());
		model.addAttribute("receivedAt", ScreenText.time(order.receivedAt()));
		model.addAttribute("appealUntil", appeals.filingClosesAt(order).map(ScreenText::lastDay).orElse(null));
		model.addAttribute("existing", existing.map(AppealView::id).orElse(null));
		model.addAttribute("reason", reason);
		model.addAttribute("evidenceText", evidenceText);
		model.addAttribute("problem", problem);
		model.addAttribute("maxAttachments", properties.maxAttachments());
		model.addAttribute("maxAttachmentSize", properties.maxAttachmentSizeText());
		return "appeal/new";
	}

	@GetMapping("/app/appeals/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) String filed,
			@RequestParam(required = false) String decided, Model model) {
		model.addAttribute("notice", filed != null ? "appeal.notice.filed" : decided != null ? "appeal.notice.decided" : null);
		return detail(appeals.find(id), null, null, null, model);
	}

	@PostMapping("/app/appeals/{id}/decision")
	String decide(@PathVariable long id, @RequestParam(required = false) AppealOutcome outcome,
			@RequestParam(required = false) String reason, Locale locale, Model model) {
		try {
			appeals.decide(id, new AppealDecision(outcome, reason));
			return "redirect:/app/appeals/" + id + "?decided";
		}
		catch (HcpException e) {
			return detail(appeals.find(id), outcome, reason, ScreenText.refusal(e, locale), model);
		}
	}

	private String detail(AppealView a, AppealOutcome outcome, String reason, String problem, Model model) {
		model.addAttribute("appeal", Row.of(a));
		model.addAttribute("view", a);
		model.addAttribute("receivedAt", ScreenText.time(a.orderReceivedAt()));
		model.addAttribute("steps", a.audit().stream()
			.map(s -> new Step(s.action(), s.actor(), s.role(), ScreenText.time(s.at()), s.detail()))
			.toList());
		model.addAttribute("decision", a.decision() == null ? null : new Decision(a.decision().outcome().name(),
				a.decision().reason(), a.decision().decidedBy(), ScreenText.time(a.decision().decidedAt()),
				a.decision().late()));
		model.addAttribute("mayDecide", a.state() == AppealState.PENDING && mayDecide());
		model.addAttribute("outcomes", AppealOutcome.values());
		model.addAttribute("outcome", outcome == null ? "" : outcome.name());
		model.addAttribute("reason", reason);
		model.addAttribute("problem", problem);
		return "appeal/detail";
	}

	/** One audited step as shown. */
	record Step(String action, String actor, String role, String at, String detail) {
	}

	/** The decision as shown. */
	record Decision(String outcome, String reason, String decidedBy, String at, boolean late) {
	}

	@GetMapping("/app/appeals/{id}/evidence/{evidenceId}")
	ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
		EvidenceFile file = appeals.evidence(id, evidenceId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

	@GetMapping("/app/appeals/credit-records")
	String credit(@RequestParam(defaultValue = "0") int page, Model model) {
		int p = Math.max(0, page);
		List<CreditRecordView> records = appeals.creditRecords(null, p, PAGE);
		model.addAttribute("records", records.stream()
			.map(r -> new Credit(r.id(), r.appealId(), r.orderNo(), r.regionCode(), r.raterName(), r.raterMobile(),
					r.raterCertNo(), r.reason(), r.recordedBy(), ScreenText.time(r.recordedAt())))
			.toList());
		model.addAttribute("page", p);
		model.addAttribute("hasNext", records.size() == PAGE);
		return "appeal/credit";
	}

	/** A credit record as shown: identity masked. */
	record Credit(long id, long appealId, String orderNo, String regionCode, String raterName, String raterMobile,
			String raterCertNo, String reason, String recordedBy, String at) {
	}

	private static AppealState parse(String state) {
		try {
			return AppealState.valueOf(state);
		}
		catch (IllegalArgumentException e) {
			throw HcpException.badRequest("state", "BAD_PARAMETER", "参数 state 格式不正确", "Parameter state has the wrong format");
		}
	}

	private static boolean mayDecide() {
		return Caller.current().map(c -> c.has(Role.OFFICE) || c.has(Role.ADMIN)).orElse(false);
	}

	@ExceptionHandler(HcpException.class)
	ModelAndView refused(HcpException e, Locale locale) {
		return errorPage(e, locale);
	}

	/** A refusal on a screen: the page of the layout with the reason, and the refusal's status. */
	static ModelAndView errorPage(HcpException e, Locale locale) {
		ModelAndView page = new ModelAndView("appeal/error");
		page.setStatus(e.status());
		page.addObject("status", e.status().value());
		page.addObject("problem", ScreenText.refusal(e, locale));
		return page;
	}
}
