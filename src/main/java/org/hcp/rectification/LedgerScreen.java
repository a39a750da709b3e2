package org.hcp.rectification;

import java.time.LocalDate;
import java.util.List;

import org.hcp.shared.HcpException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The ledger 台账 screen {@code /app/orders/ledger}: every order in the caller's scope with its holder, deadline,
 * working days left and overdue flag, filtered by region (and below), department, state, period and overdue, paged
 * by deadline; and the same filters as an Excel workbook ({@code /app/orders/ledger.xlsx}, personal data masked).
 */
@Controller
class LedgerScreen {

	static final int PAGE_SIZE = 50;

	private final WorkOrders orders;

	LedgerScreen(WorkOrders orders) {
		this.orders = orders;
	}

	/** The filters as typed, to show them again and to carry them to the export and the next page. */
	record Filter(String region, String department, String state, String from, String to, String overdue) {

		LedgerQuery query(int page, int size) {
			return new LedgerQuery(blankToNull(region), blankToNull(department), chosenState(), date("from", from),
					date("to", to), overdueFilter(), page, size);
		}

		private WorkOrderState chosenState() {
			if (state == null || state.isBlank()) {
				return null;
			}
			for (WorkOrderState s : WorkOrderState.values()) {
				if (s.name().equals(state)) {
					return s;
				}
			}
			throw HcpException.invalid("state", "UNKNOWN_STATE", "没有该工单状态", "No such order state");
		}

		private Boolean overdueFilter() {
			return "true".equals(overdue) ? Boolean.TRUE : "false".equals(overdue) ? Boolean.FALSE : null;
		}

		private static LocalDate date(String field, String text) {
			return text == null || text.isBlank() ? null : OrderScreen.date(field, text);
		}

		private static String blankToNull(String text) {
			return text == null || text.isBlank() ? null : text.strip();
		}
	}

	@GetMapping("/app/orders/ledger")
	String ledger(@RequestParam(required = false) String region, @RequestParam(required = false) String department,
			@RequestParam(required = false) String state, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String overdue,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Filter filter = new Filter(region, department, state, from, to, overdue);
		model.addAttribute("filter", filter);
		model.addAttribute("states", WorkOrderState.values());
		try {
			LedgerPage found = orders.ledger(filter.query(Math.max(0, Math.min(page, 100_000)), PAGE_SIZE));
			model.addAttribute("rows", found.items().stream().map(ScreenViews.Row::of).toList());
			model.addAttribute("total", found.total());
			model.addAttribute("page", found.page());
			model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
		}
		catch (HcpException e) {
			if (!ScreenProblems.wantsPage(request)) {
				throw e;
			}
			ScreenProblems.show(e, model, response);
			model.addAttribute("rows", List.of());
			model.addAttribute("total", 0L);
			model.addAttribute("page", 0);
			model.addAttribute("pages", 1L);
		}
		return "rectification/ledger";
	}

	@GetMapping("/app/orders/ledger.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String region,
			@RequestParam(required = false) String department, @RequestParam(required = false) String state,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String overdue) {
		byte[] workbook = orders.exportLedger(new Filter(region, department, state, from, to, overdue).query(0, 0));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("ledger.xlsx").build().toString())
			.contentType(MediaType.parseMediaType(WorkOrderController.XLSX))
			.body(workbook);
	}

	@ExceptionHandler(HcpException.class)
	Object refused(HcpException e, Model model, HttpServletRequest request, HttpServletResponse response) {
		return ScreenProblems.answer(e, model, request, response);
	}
}
