package org.hcp.doors;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.evaluation.Channel;
import org.hcp.evaluation.RatingDoors;
import org.hcp.shared.HcpException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Paper forms in bulk by API, for a signed-in person (HTTP Basic): an array of forms, each stored or refused on its
 * own exactly as on the screen, answered with one outcome per record in the order sent: 200 when at least one was
 * stored, else the status of the first refusal.
 */
@RestController
class PaperFormController {

	/** Forms one request takes at most. */
	static final int MAX_FORMS = 500;

	private final PaperForms forms;

	PaperFormController(PaperForms forms) {
		this.forms = forms;
	}

	@PostMapping("/api/v1/paper-forms")
	ResponseEntity<Map<String, Object>> enter(@RequestBody List<PaperFormRecord> records) {
		PaperForms.requireEnterer();
		if (records == null || records.isEmpty() || records.size() > MAX_FORMS) {
			throw HcpException.invalid("records", "BAD_BATCH", "须提交 1–" + MAX_FORMS + " 张评价表",
					"Send 1 to " + MAX_FORMS + " forms");
		}
		List<Map<String, Object>> results = new ArrayList<>();
		int stored = 0;
		Integer firstRefusal = null;
		for (int i = 0; i < records.size(); i++) {
			PaperFormRecord r = records.get(i);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("index", i);
			result.put("formNo", r == null ? null : r.formNo());
			try {
				if (r == null) {
					throw HcpException.invalid("records", "EMPTY_RECORD", "空的评价表", "An empty form");
				}
				PaperForms.Stored s = forms.enter(new RatingDoors.Entry(Channel.PAPER_FORM, r.caseNo(), r.serviceNo(),
						r.level(), r.indicators() == null ? List.of() : r.indicators(), r.comment(), r.formNo(), null,
						r.scanBytes()));
				result.put("status", "stored");
				result.put("evaluationId", s.evaluationId());
				result.put("caseNo", s.caseNo());
				result.put("serviceNo", s.serviceNo());
				stored++;
			}
			catch (HcpException e) {
				result.put("status", "refused");
				result.put("httpStatus", e.status().value());
				firstRefusal = firstRefusal == null ? e.status().value() : firstRefusal;
				result.put("code", e.code());
				result.put("field", e.fields().isEmpty() ? null : e.fields().get(0).field());
				result.put("message", Map.of("zh", e.text().zh(), "en", e.text().en()));
			}
			results.add(result);
		}
		// every record refused: the first refusal's status (as the screen answers); otherwise 200, one outcome each
		return ResponseEntity.status(stored == 0 ? firstRefusal : 200)
			.body(Map.of("stored", stored, "refused", records.size() - stored, "results", results));
	}

	/**
	 * One form.
	 *
	 * @param scan the scan, base64 (PNG, JPEG or PDF by content, at most 1 MB decoded); optional
	 */
	record PaperFormRecord(String formNo, String caseNo, Integer serviceNo, Integer level, List<String> indicators,
			String comment, String scan) {

		byte[] scanBytes() {
			if (scan == null || scan.isBlank()) {
				return null;
			}
			try {
				return Base64.getMimeDecoder().decode(scan);
			}
			catch (IllegalArgumentException e) {
				throw HcpException.invalid("scan", "SCAN_NOT_BASE64", "扫描件须为 base64 编码", "The scan must be base64");
			}
		}
	}
}
