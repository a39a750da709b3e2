package org.hcp.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.shared.HcpException;
import org.hcp.shared.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answers of the national interface in its own style: {@code C-API-Status} ("00" when the envelope was taken, the
 * records then answered one by one in {@code C-Response-Body}), {@code C-Response-Desc}. A refused envelope is
 * problem+json with its {@code code} and the same two properties, so that a vendor client reading either finds them.
 */
final class NationalAnswer {

	static final String OK = "00";

	private NationalAnswer() {
	}

	static ResponseEntity<Map<String, Object>> of(List<NationalResult> results) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("accepted", count(results, "accepted"));
		body.put("duplicate", count(results, "duplicate"));
		body.put("rejected", count(results, "rejected"));
		body.put("results", results);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("C-API-Status", OK);
		answer.put("C-Response-Desc", "成功 success");
		answer.put("C-Response-Body", body);
		return ResponseEntity.ok(answer);
	}

	static ResponseEntity<ProblemDetail> refused(HcpException e) {
		ProblemDetail problem = Problems.toDetail(e);
		problem.setProperty("C-API-Status", apiStatus(e.code()));
		problem.setProperty("C-Response-Desc", e.text().zh() + " " + e.text().en());
		return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** The national status code of an envelope-level refusal (docs/interface-standard.md, error codes). */
	static String apiStatus(String code) {
		return switch (code) {
			case "BAD_ENVELOPE" -> "10";
			case "UNKNOWN_APP" -> "11";
			case "BAD_SIGN" -> "12";
			case "STALE_TIME" -> "13";
			case "REPLAYED" -> "14";
			default -> "99";
		};
	}

	private static long count(List<NationalResult> results, String status) {
		return results.stream().filter(r -> r.status().equals(status)).count();
	}
}
