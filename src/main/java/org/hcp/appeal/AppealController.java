package org.hcp.appeal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Appeals 申诉复核 over REST: file with evidence, list, read, decide, and the credit records of malicious raters. */
@RestController
@Tag(name = "appeal 申诉复核")
class AppealController {

	private final Appeals appeals;

	AppealController(Appeals appeals) {
		this.appeals = appeals;
	}

	@PostMapping(path = "/api/v1/appeals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Appeal the bad review of a work order (rated staff member or their department), within 3 working"
			+ " days of receiving it; multipart: orderId, reason, evidenceText, attachments (PNG, JPEG or PDF)")
	AppealView file(@RequestParam(required = false) Long orderId, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String evidenceText,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> attachments) {
		return appeals.file(new NewAppeal(orderId, reason, evidenceText, read(attachments)));
	}

	@GetMapping("/api/v1/appeals")
	@Operation(summary = "Appeals inside the caller's scope, pending first by deadline; filter by region, state and overdue")
	Map<String, Object> list(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) AppealState state,
			@RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return Map.of("appeals", appeals.list(region(regionCode), state, overdue, page, size), "page", page, "size", size);
	}

	@GetMapping("/api/v1/appeals/{id}")
	@Operation(summary = "One appeal with its evidence list, decision and audit trail")
	AppealView find(@PathVariable long id) {
		return appeals.find(id);
	}

	@GetMapping(path = "/api/v1/appeals/{id}/evidence/{evidenceId}", produces = { MediaType.IMAGE_PNG_VALUE,
			MediaType.IMAGE_JPEG_VALUE, MediaType.APPLICATION_PDF_VALUE })
	@Operation(summary = "One evidence file of an appeal, as stored")
	ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
		EvidenceFile file = appeals.evidence(id, evidenceId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

	@PostMapping("/api/v1/appeals/{id}/decision")
	@Operation(summary = "Decide an appeal (office): MISTAKEN or MALICIOUS upholds it (rating excluded, order closed;"
			+ " MALICIOUS adds a credit record), REJECTED resumes the order")
	AppealView decide(@PathVariable long id, @RequestBody DecisionRequest body) {
		return appeals.decide(id, new AppealDecision(body.outcome(), body.reason()));
	}

	@GetMapping("/api/v1/appeals/credit-records")
	@Operation(summary = "Credit records 信用档案 of raters whose ratings were found malicious, identities masked (office)")
	Map<String, Object> creditRecords(@RequestParam(required = false) String regionCode,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return Map.of("creditRecords", appeals.creditRecords(region(regionCode), page, size), "page", page, "size", size);
	}

	private static RegionCode region(String code) {
		return code == null || code.isBlank() ? null : RegionCode.parse("regionCode", code);
	}

	record DecisionRequest(AppealOutcome outcome, String reason) {
	}

	static List<NewAppeal.Attachment> read(List<MultipartFile> files) {
		List<NewAppeal.Attachment> read = new ArrayList<>();
		if (files == null) {
			return read;
		}
		for (MultipartFile f : files) {
			if (f == null || f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
				continue; // an empty file input of a form
			}
			try {
				read.add(new NewAppeal.Attachment(f.getOriginalFilename(), f.getBytes()));
			}
			catch (IOException e) {
				throw HcpException.badRequest("attachments", "UNREADABLE_ATTACHMENT", "无法读取上传的文件",
						"An uploaded file cannot be read");
			}
		}
		return read;
	}
}
