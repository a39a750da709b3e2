package org.hcp.rectification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The work queues of {@code /app/orders}, each for the role whose work it is: the 12345 operator's first-check inbox
 * (oldest first) and revisit call list, the department's orders by deadline, the office's overdue orders and
 * escalations, extension requests, "cannot be rectified" reports and orders to close (销号). The overview shows the
 * first rows of each; {@code ?queue=…} one queue with pages. Everything comes from the {@link WorkOrders} façade, in the
 * caller's data scope.
 */
@Controller
class QueueScreen {

	static final int OVERVIEW_ROWS = 10;
	static final int PAGE_SIZE = 50;
	/** How many orders in extendable states the office's extension queue looks through, most urgent first. */
	static final int EXTENSION_SCAN = 100;

	private final WorkOrders orders;

	QueueScreen(WorkOrders orders) {
		this.orders = orders;
	}

	/** A queue: its name (also its message keys and element ids), rows, how many there are, and the page. */
	record Queue(String name, List<ScreenViews.Row> rows, long total, int page, long pages, boolean complete) {
	}

	/** The queues, the roles whose work they are, and how each is read. */
	enum Kind {
		FIRST_CHECK("first-check", Role.HOTLINE), REVISITS("revisits", Role.HOTLINE, Role.ASSESSOR),
		DEPARTMENT("department", Role.DEPARTMENT), OVERDUE("overdue", Role.OFFICE),
		EXTENSIONS("extensions", Role.OFFICE), UNRECTIFIABLE("unrectifiable", Role.OFFICE),
		TO_CLOSE("to-close", Role.OFFICE);

		final String name;
		final List<Role> roles;

		Kind(String name, Role... roles) {
			this.name = name;
			this.roles = List.of(roles);
		}

		boolean forCaller(Caller caller) {
			return caller.has(Role.ADMIN) ? this != DEPARTMENT : roles.stream().anyMatch(caller::has);
		}

		static Optional<Kind> named(String name) {
			for (Kind k : values()) {
				if (k.name.equals(name)) {
					return Optional.of(k);
				}
			}
			return Optional.empty();
		}
	}

	@GetMapping("/app/orders")
	String queues(@RequestParam(required = false) String queue, @RequestParam(defaultValue = "0") int page,
			Model model, HttpServletResponse response) {
		Caller caller = Caller.current().orElseThrow();
		Optional<Kind> one = queue == null || queue.isBlank() ? Optional.empty() : Kind.named(queue);
		if (queue != null && !queue.isBlank() && (one.isEmpty() || !one.get().forCaller(caller))) {
			throw HcpException.notFound("queue", "UNKNOWN_QUEUE", "没有该工作队列", "No such work queue");
		}
		List<Queue> shown = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			if (kind.forCaller(caller) && one.map(kind::equals).orElse(true)) {
				shown.add(one.isPresent() ? read(kind, Math.max(0, Math.min(page, 100_000)), PAGE_SIZE)
						: read(kind, 0, OVERVIEW_ROWS));
			}
		}
		model.addAttribute("queues", shown);
		model.addAttribute("single", one.isPresent());
		model.addAttribute("staffOnly", shown.isEmpty() && caller.has(Role.STAFF));
		model.addAttribute("office", caller.has(Role.OFFICE) || caller.has(Role.ADMIN));
		model.addAttribute("outcomes", RevisitOutcome.values());
		return "rectification/queues";
	}

	@ExceptionHandler(HcpException.class)
	Object refused(HcpException e, Model model, HttpServletRequest request, HttpServletResponse response) {
		return ScreenProblems.answer(e, model, request, response);
	}

	private Queue read(Kind kind, int page, int size) {
		return switch (kind) {
			case FIRST_CHECK -> queue(kind, ScreenOldestFirst.page(orders::ledger, only(WorkOrderState.RECEIVED), page, size));
			case REVISITS -> queue(kind, orders.ledger(only(WorkOrderState.REPLIED).withPage(page, size)));
			case DEPARTMENT -> queue(kind, orders.ledger(LedgerQuery.all().handledHereOnly().withPage(page, size)));
			case OVERDUE -> queue(kind, orders.ledger(new LedgerQuery(null, null, null, null, null, true, page, size, true)));
			case UNRECTIFIABLE -> queue(kind, orders.ledger(only(WorkOrderState.UNRECTIFIABLE_REPORTED).withPage(page, size)));
			case TO_CLOSE -> queue(kind, orders.ledger(only(WorkOrderState.REVISITED).withPage(page, size)));
			case EXTENSIONS -> extensions(page, size);
		};
	}

	private static LedgerQuery only(WorkOrderState state) {
		return new LedgerQuery(null, null, state, null, null, null, 0, PAGE_SIZE, true);
	}

	private static Queue queue(Kind kind, LedgerPage found) {
		return new Queue(kind.name, found.items().stream().map(ScreenViews.Row::of).toList(), found.total(), found.page(),
				Math.max(1, (found.total() + found.size() - 1) / found.size()), true);
	}

	/**
	 * Orders with a pending extension request: the ledger has no filter for it, so the most urgent orders in the states
	 * that allow one are looked through (up to {@link #EXTENSION_SCAN}); {@code complete} says whether that was all.
	 */
	private Queue extensions(int page, int size) {
		List<LedgerEntry> pending = new ArrayList<>();
		boolean complete = true;
		for (WorkOrderState state : List.of(WorkOrderState.VERIFIED, WorkOrderState.RECTIFYING,
				WorkOrderState.UNRECTIFIABLE_REPORTED)) {
			LedgerPage candidates = orders.ledger(only(state).withPage(0, EXTENSION_SCAN));
			complete &= candidates.total() <= EXTENSION_SCAN;
			for (LedgerEntry e : candidates.items()) {
				if (orders.detail(e.id()).pendingExtension() != null) {
					pending.add(e);
				}
			}
		}
		pending.sort(java.util.Comparator.comparing(LedgerEntry::deadline,
				java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
		List<ScreenViews.Row> rows = pending.stream().skip((long) page * size).limit(size).map(ScreenViews.Row::of).toList();
		return new Queue(Kind.EXTENSIONS.name, rows, pending.size(), page, Math.max(1, (pending.size() + size - 1) / size),
				complete);
	}
}
