package org.hcp.supervision;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.hcp.rectification.WorkOrderSource;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The supervision screens (/app/supervision): the draw of a quarter's sample, the call list with the audited reveal
 * and the outcome form, and the entry and lists of findings and comments. Translates forms only: the rules are the
 * services' ({@link RevisitSamples}, {@link RevisitCalls}, {@link Findings}), which check roles and scope.
 */
@Controller
class SupervisionScreens {

	private final RevisitSamples samples;
	private final RevisitCalls calls;
	private final Findings findings;
	private final Clock clock;

	SupervisionScreens(RevisitSamples samples, RevisitCalls calls, Findings findings, Clock clock) {
		this.samples = samples;
		this.calls = calls;
		this.findings = findings;
		this.clock = clock;
	}

	/** Times on these pages are China time. */
	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return ChinaTime.ZONE;
	}

	// --- overview and samples ------------------------------------------------------------------------------

	@GetMapping("/app/supervision")
	String index(@RequestParam(required = false) String regionCode, @RequestParam(required = false) Integer page,
			Model model) {
		model.addAttribute("mayDraw", holds(Role.OFFICE, Role.ASSESSOR));
		model.addAttribute("samples", samples.list(regionCode, null, Paging.of(page, 20)));
		if (!model.containsAttribute("draw")) {
			model.addAttribute("draw", new DrawForm(Caller.current().map(Caller::region).map(RegionCode::value).orElse(""),
					Quarter.of(clock.instant()).previous().toString(), ""));
		}
		return "supervision/index";
	}

	@PostMapping("/app/supervision/samples")
	String draw(@ModelAttribute("draw") DrawForm form, Model model, HttpServletResponse response) {
		try {
			SampleView sample = samples.draw(new RevisitSamples.DrawRequest(form.regionCode(), form.quarter(),
					form.items()));
			return "redirect:/app/supervision/samples/" + sample.id();
		}
		catch (HcpException e) {
			if (e.status() == HttpStatus.FORBIDDEN) {
				throw e;
			}
			response.setStatus(e.status().value());
			showProblem(model, e);
			return index(null, null, model);
		}
	}

	@GetMapping("/app/supervision/samples/{id}")
	String sample(@PathVariable long id, Model model) {
		model.addAttribute("sample", samples.find(id));
		return "supervision/sample";
	}

	// --- calls -------------------------------------------------------------------------------------------

	@GetMapping("/app/supervision/calls")
	String calls(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) CallTask.State state, @RequestParam(required = false) Integer page,
			Model model) {
		boolean caller = holds(Role.HOTLINE, Role.ASSESSOR) && !holds(Role.OFFICE);
		model.addAttribute("calls", calls.list(regionCode, quarter, state == null ? CallTask.State.OPEN : state, caller,
				Paging.of(page, 50)));
		model.addAttribute("filter", new CallFilter(regionCode, quarter, state == null ? CallTask.State.OPEN : state));
		model.addAttribute("mayReveal", holds(Role.HOTLINE, Role.ASSESSOR));
		model.addAttribute("states", CallTask.State.values());
		return "supervision/calls";
	}

	@GetMapping("/app/supervision/calls/{id}")
	String call(@PathVariable long id, Model model) {
		CallTaskView call = calls.find(id);
		model.addAttribute("call", call);
		model.addAttribute("mayReveal", holds(Role.HOTLINE, Role.ASSESSOR) && call.isOpen());
		model.addAttribute("mayRecord", holds(Role.HOTLINE, Role.ASSESSOR) && call.isOpen());
		model.addAttribute("mayAssign", holds(Role.OFFICE) && call.isOpen());
		model.addAttribute("results", CallResult.values());
		if (holds(Role.OFFICE) && call.isOpen()) {
			model.addAttribute("assignees", calls.assignees(new RegionCode(call.regionCode())));
		}
		model.addAttribute("audit", calls.auditOf(id));
		return "supervision/call";
	}

	@PostMapping("/app/supervision/calls/{id}/claim")
	String claim(@PathVariable long id) {
		calls.claim(id);
		return "redirect:/app/supervision/calls/" + id;
	}

	@PostMapping("/app/supervision/calls/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(required = false) Long assigneeId, Model model,
			HttpServletResponse response) {
		try {
			calls.assign(id, assigneeId);
			return "redirect:/app/supervision/calls/" + id + "?assigned";
		}
		catch (HcpException e) {
			return again(e, id, model, response);
		}
	}

	/** The audited reveal: for htmx the number in place of the masked one, else the call page showing it. */
	@PostMapping("/app/supervision/calls/{id}/reveal")
	String reveal(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		String mobile = calls.reveal(id);
		model.addAttribute("revealed", mobile);
		model.addAttribute("callId", id);
		if ("true".equals(htmx)) {
			return "supervision/call :: revealed";
		}
		return call(id, model);
	}

	@PostMapping("/app/supervision/calls/{id}/attempts")
	String attempt(@PathVariable long id, @RequestParam(required = false) String result,
			@RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
		try {
			calls.recordAttempt(id, callResult(result), comment);
			return "redirect:/app/supervision/calls/" + id + "?recorded";
		}
		catch (HcpException e) {
			model.addAttribute("comment", comment);
			return again(e, id, model, response);
		}
	}

	// --- findings and comments -----------------------------------------------------------------------------

	@GetMapping("/app/supervision/findings")
	String findings(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Boolean problem, @RequestParam(required = false) Integer page, Model model) {
		return entries(WorkOrderSource.FINDING, regionCode, kind, problem, page, model);
	}

	@GetMapping("/app/supervision/comments")
	String comments(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Boolean problem, @RequestParam(required = false) Integer page, Model model) {
		return entries(WorkOrderSource.COMMENT, regionCode, kind, problem, page, model);
	}

	@PostMapping("/app/supervision/findings")
	String recordFinding(@ModelAttribute("entry") EntryForm form, Model model, HttpServletResponse response) {
		return record(WorkOrderSource.FINDING, form, model, response);
	}

	@PostMapping("/app/supervision/comments")
	String recordComment(@ModelAttribute("entry") EntryForm form, Model model, HttpServletResponse response) {
		return record(WorkOrderSource.COMMENT, form, model, response);
	}

	private String entries(WorkOrderSource source, String regionCode, String kind, Boolean problem, Integer page,
			Model model) {
		String path = source == WorkOrderSource.FINDING ? "findings" : "comments";
		model.addAttribute("source", source);
		model.addAttribute("listPath", "/app/supervision/" + path);
		model.addAttribute("collection", path);
		model.addAttribute("kinds", Findings.kinds(source));
		model.addAttribute("mayRecord", holds(FindingKind.recordedBy(source)));
		model.addAttribute("entries", findings.list(source, regionCode, kind, problem, Paging.of(page, 50)));
		model.addAttribute("filter", new EntryFilter(regionCode, kind, problem));
		if (!model.containsAttribute("entry")) {
			model.addAttribute("entry", new EntryForm(null, null, null, null, null, null, null,
					ChinaTime.dateOf(clock.instant()).toString(), null, null));
		}
		return "supervision/entries";
	}

	private String record(WorkOrderSource source, EntryForm form, Model model, HttpServletResponse response) {
		try {
			FindingView view = findings.record(source, form.request());
			String path = source == WorkOrderSource.FINDING ? "findings" : "comments";
			return "redirect:/app/supervision/" + path + "?recorded=" + view.id()
					+ (view.workOrderId() == null ? "" : "&order=" + view.workOrderId());
		}
		catch (HcpException e) {
			if (e.status() == HttpStatus.FORBIDDEN) {
				throw e;
			}
			response.setStatus(e.status().value());
			showProblem(model, e);
			return entries(source, null, null, null, null, model);
		}
	}

	/** The call page again, showing why the step was refused. */
	private String again(HcpException e, long id, Model model, HttpServletResponse response) {
		if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
			throw e;
		}
		response.setStatus(e.status().value());
		showProblem(model, e);
		return call(id, model);
	}

	private static CallResult callResult(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return Arrays.stream(CallResult.values()).filter(r -> r.name().equals(text)).findFirst().orElseThrow(
				() -> HcpException.invalid("result", "BAD_RESULT", "请选择通话结果", "Choose the result of the call"));
	}

	private static boolean holds(Role... roles) {
		Caller caller = Caller.current().orElse(null);
		if (caller == null) {
			return false;
		}
		return caller.has(Role.ADMIN) || Arrays.stream(roles).anyMatch(caller::has);
	}

	/** The draw form: region, quarter, and targeted item codes separated by commas, spaces or lines. */
	record DrawForm(String regionCode, String quarter, String targetedItems) {

		List<String> items() {
			return targetedItems == null || targetedItems.isBlank() ? List.of()
					: Arrays.stream(targetedItems.split("[,，;；\\s]+")).filter(s -> !s.isBlank()).toList();
		}
	}

	record CallFilter(String regionCode, String quarter, CallTask.State state) {
	}

	record EntryFilter(String regionCode, String kind, Boolean problem) {
	}

	/** The entry form of a finding or comment; {@code problem} is a checkbox. */
	record EntryForm(String kind, String regionCode, String departmentCode, String institutionCode, String windowCode,
			String staffNo, String itemCode, String observedOn, String description, String problem) {

		FindingRequest request() {
			return new FindingRequest(kind, regionCode, departmentCode, institutionCode, windowCode, staffNo, itemCode,
					observedOn, description, "true".equals(problem) || "on".equals(problem));
		}
	}

	/**
	 * A refusal in the page's language: {@code problem} (the message), {@code problemFields} (every field's text, in
	 * order) and {@code fieldErrors} (the first text per field, shown beside its input).
	 */
	private static void showProblem(Model model, HcpException e) {
		boolean chinese = Locale.CHINESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
		model.addAttribute("problem", chinese ? e.text().zh() : e.text().en());
		model.addAttribute("problemFields", e.fields().stream().map(f -> chinese ? f.zh() : f.en()).toList());
		java.util.Map<String, String> byField = new java.util.LinkedHashMap<>();
		for (FieldProblem f : e.fields()) {
			byField.putIfAbsent(f.field(), chinese ? f.zh() : f.en());
		}
		model.addAttribute("fieldErrors", byField);
	}
}
