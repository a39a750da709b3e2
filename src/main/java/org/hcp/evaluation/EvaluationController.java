package org.hcp.evaluation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.hcp.privacy.Mobile;
import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The one rating API of every channel system: portal, app, kiosk, 12345, paper-form entry. */
@RestController
@Tag(name = "evaluation 评价")
class EvaluationController {

	private final Evaluations evaluations;

	EvaluationController(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@PostMapping("/api/v1/evaluations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Rate a service (1–5 stars); a batch is rated for every case of it, a chain as a whole on request")
	Map<String, List<EvaluationView>> rate(@RequestBody RatingRequest r) {
		return Map.of("evaluations", evaluations.rate(new RatingCommand(r.caseNo(), r.serviceNo(), r.channel(),
				r.level(), r.indicators(), r.comment(), r.ratedAt() == null ? null : r.ratedAt().toInstant(),
				RaterRequest.toRater(r.rater()), Boolean.TRUE.equals(r.wholeChain()), Source.API)));
	}

	@GetMapping("/api/v1/evaluations")
	@Operation(summary = "The ratings of a case, personal data masked")
	Map<String, List<EvaluationView>> byCase(@RequestParam String caseNo) {
		return Map.of("evaluations", evaluations.byCase(caseNo));
	}

	record RatingRequest(String caseNo, Integer serviceNo, Channel channel, Integer level, List<String> indicators,
			String comment, OffsetDateTime ratedAt, RaterRequest rater, Boolean wholeChain) {
	}

	/** Who rated; every part optional. */
	record RaterRequest(String name, String certType, String certNo, String mobile) {

		static Rater toRater(RaterRequest r) {
			if (r == null) {
				return Rater.ANONYMOUS;
			}
			if (r.name() != null && r.name().length() > 100) {
				throw HcpException.invalid("rater.name", "TOO_LONG", "姓名不超过100字", "name is at most 100 characters");
			}
			if (r.certNo() != null && r.certNo().length() > 64) {
				throw HcpException.invalid("rater.certNo", "TOO_LONG", "证件号码过长", "certNo is too long");
			}
			return new Rater(r.name(), r.certType(), r.certNo(), Mobile.parseOptional("rater.mobile", r.mobile()));
		}
	}
}
