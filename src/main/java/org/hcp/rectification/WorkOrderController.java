package org.hcp.rectification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hcp.shared.HcpException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Work orders over HTTP: the ledger, one order, and one POST per step. Translates HTTP only; {@link WorkOrders} decides. */
@RestController
@Tag(name = "work orders 差评工单")
class WorkOrderController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final WorkOrders orders;

	WorkOrderController(WorkOrders orders) {
		this.orders = orders;
	}

	// ------------------------------------------------------------------------------------------------ reading

	@GetMapping("/api/v1/work-orders")
	@Operation(summary = "The ledger 台账 in the caller's scope: filters region (and below), department, state, period "
			+ "(opened, China dates), overdue; paged by deadline")
	LedgerPage ledger(@RequestParam(required = false) String region, @RequestParam(required = false) String department,
			@RequestParam(required = false) WorkOrderState state,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return orders.ledger(new LedgerQuery(region, department, state, from, to, overdue, page, size));
	}

	@GetMapping(path = "/api/v1/work-orders/export.xlsx", produces = XLSX)
	@Operation(summary = "The ledger as an Excel workbook (.xlsx), same filters, personal data masked")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String region,
			@RequestParam(required = false) String department, @RequestParam(required = false) WorkOrderState state,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Boolean overdue) {
		byte[] workbook = orders.exportLedger(new LedgerQuery(region, department, state, from, to, overdue, 0, 0));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("work-orders.xlsx").build().toString())
			.contentType(MediaType.parseMediaType(XLSX))
			.body(workbook);
	}

	@GetMapping("/api/v1/work-orders/{id}")
	@Operation(summary = "One order with its facts, extensions, evidence and timeline")
	WorkOrderDetail detail(@PathVariable long id) {
		return orders.detail(id);
	}

	@GetMapping("/api/v1/work-orders/{id}/timeline")
	@Operation(summary = "The audit of an order, in order")
	List<TimelineEntry> timeline(@PathVariable long id) {
		return orders.timeline(id);
	}

	@GetMapping(path = "/api/v1/work-orders/{id}/evidence/{evidenceId}", produces = { MediaType.IMAGE_PNG_VALUE,
			MediaType.IMAGE_JPEG_VALUE, MediaType.APPLICATION_PDF_VALUE })
	@Operation(summary = "An evidence file, as the type its content was checked to be")
	ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
		EvidenceFile file = orders.evidence(id, evidenceId);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.about().fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(file.about().contentType()))
			.body(file.content());
	}

	// ------------------------------------------------------------------------------------------------ 12345

	@PostMapping("/api/v1/work-orders/{id}/dispatch")
	@Operation(summary = "初核有效: valid, dispatched at once to the responsible department (HOTLINE)")
	WorkOrderDetail dispatch(@PathVariable long id, @RequestBody Versioned body) {
		return orders.dispatch(id, version(body.version()));
	}

	@PostMapping("/api/v1/work-orders/{id}/invalidate")
	@Operation(summary = "初核无效: invalid, with the reason (HOTLINE)")
	WorkOrderDetail invalidate(@PathVariable long id, @RequestBody WithReason body) {
		return orders.invalidate(id, version(body.version()), body.reason());
	}

	@PostMapping("/api/v1/work-orders/{id}/call-attempts")
	@Operation(summary = "A revisit call that reached no one (HOTLINE, ASSESSOR)")
	WorkOrderDetail callAttempt(@PathVariable long id, @RequestBody(required = false) Note body) {
		return orders.recordCallAttempt(id, body == null ? null : body.note());
	}

	@PostMapping("/api/v1/work-orders/{id}/revisit")
	@Operation(summary = "回访: SATISFIED, PARTLY_SATISFIED, NOT_SATISFIED (reopens) or UNREACHABLE (after 3 attempts)")
	WorkOrderDetail revisit(@PathVariable long id, @RequestBody Revisit body) {
		return orders.revisit(id, version(body.version()), body.outcome(), body.note());
	}

	@PostMapping("/api/v1/work-orders/{id}/rater-mobile")
	@Operation(summary = "Reveal the rater's mobile for the revisit call (HOTLINE, ASSESSOR, OFFICE); audited")
	Map<String, String> revealMobile(@PathVariable long id) {
		return Map.of("mobile", orders.revealRaterMobile(id));
	}

	// ------------------------------------------------------------------------------------------------ department

	@PostMapping("/api/v1/work-orders/{id}/verify")
	@Operation(summary = "核实: who was contacted, how, what was found (DEPARTMENT)")
	WorkOrderDetail verify(@PathVariable long id, @RequestBody Verify body) {
		return orders.verify(id, version(body.version()), body.contacted(), body.contactMethod(), body.findings());
	}

	@PostMapping(path = "/api/v1/work-orders/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload an evidence file (PNG, JPEG, PDF; checked by content; size limited) (DEPARTMENT)")
	ResponseEntity<EvidenceView> upload(@PathVariable long id, @RequestPart("file") MultipartFile file) {
		try {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(orders.attachEvidence(id, file.getOriginalFilename(), file.getBytes()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@PostMapping("/api/v1/work-orders/{id}/rectify-at-once")
	@Operation(summary = "立行立改: rectified at once with evidence text and uploaded files (DEPARTMENT)")
	WorkOrderDetail rectifyAtOnce(@PathVariable long id, @RequestBody Rectify body) {
		return orders.rectifyAtOnce(id, version(body.version()), body.evidence(), body.files());
	}

	@PostMapping("/api/v1/work-orders/{id}/ledger-entry")
	@Operation(summary = "台账: a ledger entry with a planned date (no later than the deadline) and the plan (DEPARTMENT)")
	WorkOrderDetail ledgerEntry(@PathVariable long id, @RequestBody Plan body) {
		return orders.enterInLedger(id, version(body.version()), body.plannedBy(), body.plan());
	}

	@PostMapping("/api/v1/work-orders/{id}/rectify")
	@Operation(summary = "A ledger entry rectified with evidence text and uploaded files (DEPARTMENT)")
	WorkOrderDetail rectify(@PathVariable long id, @RequestBody Rectify body) {
		return orders.rectify(id, version(body.version()), body.evidence(), body.files());
	}

	@PostMapping("/api/v1/work-orders/{id}/extension")
	@Operation(summary = "延期申请: reason and new date, before the current deadline (DEPARTMENT)")
	WorkOrderDetail requestExtension(@PathVariable long id, @RequestBody Extension body) {
		return orders.requestExtension(id, version(body.version()), body.newDeadline(), body.reason());
	}

	@PostMapping("/api/v1/work-orders/{id}/unrectifiable")
	@Operation(summary = "无法整改: reported with a reason (DEPARTMENT)")
	WorkOrderDetail reportUnrectifiable(@PathVariable long id, @RequestBody WithReason body) {
		return orders.reportUnrectifiable(id, version(body.version()), body.reason());
	}

	@PostMapping("/api/v1/work-orders/{id}/reply")
	@Operation(summary = "反馈: the reply to the rater, sent by SMS with the status link (DEPARTMENT)")
	WorkOrderDetail reply(@PathVariable long id, @RequestBody Reply body) {
		return orders.reply(id, version(body.version()), body.text());
	}

	// ------------------------------------------------------------------------------------------------ office

	@PostMapping("/api/v1/work-orders/{id}/extension/approve")
	@Operation(summary = "Approve the pending extension: the deadline moves (OFFICE)")
	WorkOrderDetail approveExtension(@PathVariable long id, @RequestBody WithReason body) {
		return orders.approveExtension(id, version(body.version()), body.reason());
	}

	@PostMapping("/api/v1/work-orders/{id}/extension/refuse")
	@Operation(summary = "Refuse the pending extension, with the reason (OFFICE)")
	WorkOrderDetail refuseExtension(@PathVariable long id, @RequestBody WithReason body) {
		return orders.refuseExtension(id, version(body.version()), body.reason());
	}

	@PostMapping("/api/v1/work-orders/{id}/unrectifiable/approve")
	@Operation(summary = "Accept that it cannot be rectified: on to the reply and revisit (OFFICE)")
	WorkOrderDetail approveUnrectifiable(@PathVariable long id, @RequestBody WithReason body) {
		return orders.approveUnrectifiable(id, version(body.version()), body.reason());
	}

	@PostMapping("/api/v1/work-orders/{id}/unrectifiable/return")
	@Operation(summary = "Send \"cannot be rectified\" back, with the reason (OFFICE)")
	WorkOrderDetail returnUnrectifiable(@PathVariable long id, @RequestBody WithReason body) {
		return orders.returnUnrectifiable(id, version(body.version()), body.reason());
	}

	@PostMapping("/api/v1/work-orders/{id}/close")
	@Operation(summary = "销号: close, only after a revisit outcome (OFFICE)")
	WorkOrderDetail close(@PathVariable long id, @RequestBody Note body) {
		return orders.close(id, version(body.version()), body.note());
	}

	private static int version(Integer version) {
		if (version == null) {
			throw HcpException.invalid("version", "REQUIRED", "version 不能为空（读取工单时得到的版本号）",
					"version is required (the version the order was read at)");
		}
		return version;
	}

	record Versioned(Integer version) {
	}

	record WithReason(Integer version, String reason) {
	}

	record Note(Integer version, String note) {
	}

	record Verify(Integer version, String contacted, String contactMethod, String findings) {
	}

	record Rectify(Integer version, String evidence, List<Long> files) {
	}

	record Plan(Integer version, LocalDate plannedBy, String plan) {
	}

	record Extension(Integer version, LocalDate newDeadline, String reason) {
	}

	record Reply(Integer version, String text) {
	}

	record Revisit(Integer version, RevisitOutcome outcome, String note) {
	}
}
