package org.hcp.doors;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Printed staff codes 一码一账号 over the API: issue or re-issue, the QR image of the current code, and the A4 sheet of
 * an institution (administrators, platforms, and offices by HTTP Basic; region-scoped in {@link StaffCodes}).
 */
@RestController
@Tag(name = "doors 评价入口")
class StaffCodeController {

	static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private final StaffCodes codes;

	StaffCodeController(StaffCodes codes) {
		this.codes = codes;
	}

	record IssueRequest(String staffNo, String windowCode) {
	}

	record IssueResponse(String code, String url, String staffNo, String windowCode, String institutionCode,
			Instant issuedAt, String replacedCode) {
	}

	@PostMapping("/api/v1/staff-codes")
	@Operation(summary = "Issue a staff member's printed code at their own window; re-issuing revokes the old code")
	ResponseEntity<IssueResponse> issue(@RequestBody IssueRequest body) {
		StaffCodes.Issued issued = codes.issue(body.staffNo(), body.windowCode());
		StaffCode c = issued.code();
		return ResponseEntity.created(URI.create("/api/v1/staff-codes/" + c.staffNo() + ".png"))
			.body(new IssueResponse(c.code(), issued.url(), c.staffNo(), c.windowCode(), c.institutionCode(),
					c.issuedAt(), issued.replacedCode()));
	}

	@GetMapping("/api/v1/staff-codes/{staffNo}.png")
	@Operation(summary = "The QR code (PNG) of the staff member's current printed code: {public base}/q/{code}")
	ResponseEntity<byte[]> png(@PathVariable String staffNo) {
		return image(MediaType.IMAGE_PNG, QrImages.png(codes.url(codes.activeOf(staffNo))));
	}

	@GetMapping("/api/v1/staff-codes/{staffNo}.svg")
	@Operation(summary = "The QR code (SVG) of the staff member's current printed code")
	ResponseEntity<byte[]> svg(@PathVariable String staffNo) {
		return image(SVG, QrImages.svg(codes.url(codes.activeOf(staffNo))).getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/api/v1/institutions/{institutionCode}/staff-codes.pdf")
	@Operation(summary = "The printable A4 sheet of an institution's staff codes: one card per staff member")
	ResponseEntity<byte[]> sheet(@PathVariable String institutionCode) {
		return pdf(codes.institution(institutionCode).name(), institutionCode, codes);
	}

	static ResponseEntity<byte[]> pdf(String institutionName, String institutionCode, StaffCodes codes) {
		byte[] pdf = CodeSheet.pdf(institutionName, codes.cardsOf(institutionCode));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("staff-codes-" + institutionCode + ".pdf", StandardCharsets.UTF_8).build().toString())
			.body(pdf);
	}

	/** A code image changes when the code is re-issued: never cached. */
	static ResponseEntity<byte[]> image(MediaType type, byte[] body) {
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}
}
