package org.hcp.rectification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.ChinaTime;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The order page {@code /app/orders/{id}}: its facts, deadline, evidence and timeline, and a form for every step the
 * person may take as it stands ({@link ScreenActions}). Each form posts (with its CSRF token and the version the page
 * was read at) to one method here, which calls one step of the {@link WorkOrders} façade and goes back to the page
 * with a notice; a refusal shows the page again with the reason in the reader's language and what they typed.
 */
@Controller
class OrderScreen {

	static final String PAGE = "rectification/order";

	private final WorkOrders orders;
	private final Clock clock;

	OrderScreen(WorkOrders orders, Clock clock) {
		this.orders = orders;
		this.clock = clock;
	}

	@GetMapping("/app/orders/{id}")
	String order(@PathVariable long id, Model model) {
		return page(id, model);
	}

	@GetMapping("/app/orders/{id}/evidence/{evidenceId}")
	ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
		EvidenceFile file = orders.evidence(id, evidenceId);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.about().fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(file.about().contentType()))
			.body(file.content());
	}

	// ------------------------------------------------------------------------------------------------ 12345

	@PostMapping("/app/orders/{id}/dispatch")
	String dispatch(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String from, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "dispatch", from, model, request, response, redirect, () -> orders.dispatch(id, version(version)));
	}

	@PostMapping("/app/orders/{id}/invalidate")
	String invalidate(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String from, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "invalidate", from, model, request, response, redirect,
				() -> orders.invalidate(id, version(version), reason));
	}

	@PostMapping("/app/orders/{id}/call-attempts")
	String callAttempt(@PathVariable long id, @RequestParam(required = false) String note,
			@RequestParam(required = false) String from, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "call-attempt", from, model, request, response, redirect,
				() -> orders.recordCallAttempt(id, note == null || note.isBlank() ? null : note));
	}

	@PostMapping("/app/orders/{id}/revisit")
	String revisit(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
			@RequestParam(required = false) String from, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "revisit", from, model, request, response, redirect,
				() -> orders.revisit(id, version(version), outcome(outcome), note == null || note.isBlank() ? null : note));
	}

	/** The rater's number for the revisit call, audited by the façade: a fragment for htmx, else the page with it. */
	@PostMapping("/app/orders/{id}/rater-mobile")
	String reveal(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, HttpServletResponse response) {
		boolean fragment = "true".equals(htmx);
		try {
			model.addAttribute("revealed", orders.revealRaterMobile(id));
		}
		catch (HcpException e) {
			if (!fragment) {
				throw e;
			}
			ScreenProblems.show(e, model, response);
		}
		model.addAttribute("orderId", id);
		return fragment ? PAGE + " :: mobile" : page(id, model);
	}

	// ------------------------------------------------------------------------------------------------ department

	@PostMapping("/app/orders/{id}/verify")
	String verify(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String contacted, @RequestParam(required = false) String contactMethod,
			@RequestParam(required = false) String findings, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "verify", null, model, request, response, redirect,
				() -> orders.verify(id, version(version), contacted, contactMethod, findings));
	}

	@PostMapping("/app/orders/{id}/evidence")
	String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "attach-evidence", null, model, request, response, redirect, () -> {
			if (file == null || file.isEmpty()) {
				throw HcpException.invalid("file", "REQUIRED", "请选择要上传的文件", "Choose a file to upload");
			}
			try {
				orders.attachEvidence(id, file.getOriginalFilename(), file.getBytes());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return null;
		});
	}

	@PostMapping("/app/orders/{id}/rectify-at-once")
	String rectifyAtOnce(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String evidence, @RequestParam(required = false) List<String> files,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "rectify-at-once", null, model, request, response, redirect,
				() -> orders.rectifyAtOnce(id, version(version), evidence, ids(files)));
	}

	@PostMapping("/app/orders/{id}/ledger-entry")
	String ledgerEntry(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String plannedBy, @RequestParam(required = false) String plan, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "enter-in-ledger", null, model, request, response, redirect,
				() -> orders.enterInLedger(id, version(version), date("plannedBy", plannedBy), plan));
	}

	@PostMapping("/app/orders/{id}/rectify")
	String rectify(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String evidence, @RequestParam(required = false) List<String> files,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "rectify", null, model, request, response, redirect,
				() -> orders.rectify(id, version(version), evidence, ids(files)));
	}

	@PostMapping("/app/orders/{id}/extension")
	String requestExtension(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String newDeadline, @RequestParam(required = false) String reason,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "request-extension", null, model, request, response, redirect,
				() -> orders.requestExtension(id, version(version), date("newDeadline", newDeadline), reason));
	}

	@PostMapping("/app/orders/{id}/unrectifiable")
	String reportUnrectifiable(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String reason, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "report-unrectifiable", null, model, request, response, redirect,
				() -> orders.reportUnrectifiable(id, version(version), reason));
	}

	@PostMapping("/app/orders/{id}/reply")
	String reply(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String text, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "reply", null, model, request, response, redirect, () -> orders.reply(id, version(version), text));
	}

	// ------------------------------------------------------------------------------------------------ office

	@PostMapping("/app/orders/{id}/extension/approve")
	String approveExtension(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String reason, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "approve-extension", null, model, request, response, redirect,
				() -> orders.approveExtension(id, version(version), blankToNull(reason)));
	}

	@PostMapping("/app/orders/{id}/extension/refuse")
	String refuseExtension(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String reason, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "refuse-extension", null, model, request, response, redirect,
				() -> orders.refuseExtension(id, version(version), reason));
	}

	@PostMapping("/app/orders/{id}/unrectifiable/approve")
	String approveUnrectifiable(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String reason, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "approve-unrectifiable", null, model, request, response, redirect,
				() -> orders.approveUnrectifiable(id, version(version), blankToNull(reason)));
	}

	@PostMapping("/app/orders/{id}/unrectifiable/return")
	String returnUnrectifiable(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String reason, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "return-unrectifiable", null, model, request, response, redirect,
				() -> orders.returnUnrectifiable(id, version(version), reason));
	}

	@PostMapping("/app/orders/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String note, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, "close", null, model, request, response, redirect,
				() -> orders.close(id, version(version), blankToNull(note)));
	}

	/** A refusal while reading (another department's order 403, an unknown one 404): the problem page. */
	@ExceptionHandler(HcpException.class)
	Object refused(HcpException e, Model model, HttpServletRequest request, HttpServletResponse response) {
		return ScreenProblems.answer(e, model, request, response);
	}

	// ------------------------------------------------------------------------------------------------ helpers

	/**
	 * One step: done → back to the page (or the work queue it was taken from) with a notice; refused → the page again
	 * with the reason and what was typed. A refusal that also refuses reading the order shows the problem page.
	 */
	private String step(long id, String action, String from, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect, Supplier<WorkOrderDetail> step) {
		try {
			step.get();
		}
		catch (HcpException e) {
			if (!ScreenProblems.wantsPage(request)) {
				throw e;
			}
			ScreenProblems.show(e, model, response);
			model.addAttribute("failedAction", action);
			model.addAttribute("draft", typed(request));
			return page(id, model);
		}
		redirect.addFlashAttribute("notice", "screen.done." + action);
		redirect.addFlashAttribute("noticeOrder", id);
		return "queue".equals(from) ? "redirect:/app/orders" : "redirect:/app/orders/" + id;
	}

	private String page(long id, Model model) {
		ScreenViews.Order order = ScreenViews.Order.of(orders.detail(id));
		model.addAttribute("order", order);
		Caller caller = Caller.current().orElse(null);
		model.addAttribute("actions", ScreenActions.of(caller, order));
		model.addAttribute("appealsLink", caller != null && order.state().isOpen() && order.handledBy() == null && (caller.has(Role.OFFICE)
				|| caller.has(Role.ADMIN)));
		// the rated staff member or their department may appeal a bad review (domain §8); the appeal form checks the rest
		model.addAttribute("appealForm", caller != null && order.state().isOpen() && order.source() == WorkOrderSource.BAD_REVIEW
				&& order.handledBy() == null
				&& (caller.has(Role.DEPARTMENT) || caller.has(Role.STAFF)));
		model.addAttribute("outcomes", RevisitOutcome.values());
		model.addAttribute("today", ChinaTime.dateOf(clock.instant()).toString());
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", Map.of());
		}
		return PAGE;
	}

	/** What the person typed, to fill the form again after a refusal (never the token or the version). */
	private static Map<String, String> typed(HttpServletRequest request) {
		Map<String, String> typed = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!name.equals("_csrf") && !name.equals("version") && values.length > 0 && name.length() < 40) {
				typed.put(name, values[0].length() > 4000 ? values[0].substring(0, 4000) : values[0]);
			}
		});
		return typed;
	}

	static int version(String version) {
		try {
			return Integer.parseInt(version == null ? "" : version.strip());
		}
		catch (NumberFormatException e) {
			throw HcpException.invalid("version", "NO_VERSION", "页面缺少工单版本号，请刷新后重试",
					"The page lacks the order's version; reload it and try again");
		}
	}

	static LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			throw HcpException.invalid(field, "REQUIRED", "请选择日期", "Choose a date");
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw HcpException.invalid(field, "BAD_DATE", "日期格式应为 yyyy-MM-dd", "The date must be yyyy-MM-dd");
		}
	}

	static RevisitOutcome outcome(String text) {
		for (RevisitOutcome o : RevisitOutcome.values()) {
			if (o.name().equals(text)) {
				return o;
			}
		}
		throw HcpException.invalid("outcome", "REQUIRED", "请选择回访结果", "Choose the revisit outcome");
	}

	static List<Long> ids(List<String> files) {
		List<Long> ids = new ArrayList<>();
		for (String f : files == null ? List.<String>of() : files) {
			try {
				ids.add(Long.parseLong(f.strip()));
			}
			catch (NumberFormatException e) {
				throw HcpException.invalid("files", "UNKNOWN_EVIDENCE", "佐证材料不存在", "No such evidence file");
			}
		}
		return ids;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
