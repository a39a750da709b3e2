package org.hcp.doors;

import java.nio.charset.StandardCharsets;

import org.hcp.cases.Cases;
import org.hcp.evaluation.CaseLinks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The QR code a business system prints on a case receipt: the case's short link {@code /c/{code}} to its rating page
 * ({@link CaseLinks}). Platforms and administrators; another region's case is 403 (through {@link Cases}).
 */
@RestController
@Tag(name = "doors 评价入口")
class CaseCodeController {

	private final Cases cases;
	private final CaseLinks links;

	CaseCodeController(Cases cases, CaseLinks links) {
		this.cases = cases;
		this.links = links;
	}

	@GetMapping("/api/v1/cases/{caseNo}/rating-code.png")
	@Operation(summary = "The receipt QR code (PNG) of a case: its short link to the rating page")
	ResponseEntity<byte[]> png(@PathVariable String caseNo) {
		return StaffCodeController.image(MediaType.IMAGE_PNG, QrImages.png(url(caseNo)));
	}

	@GetMapping("/api/v1/cases/{caseNo}/rating-code.svg")
	@Operation(summary = "The receipt QR code (SVG) of a case")
	ResponseEntity<byte[]> svg(@PathVariable String caseNo) {
		return StaffCodeController.image(StaffCodeController.SVG,
				QrImages.svg(url(caseNo)).getBytes(StandardCharsets.UTF_8));
	}

	private String url(String caseNo) {
		return links.urlOf(cases.require(caseNo).id());
	}
}
