package org.hcp.evaluation;

import java.util.List;
import java.util.Map;

import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Evaluator and QR flows over HTTP. A hall system asks for a token right after a service (device) or when printing
 * a window's code (QR); the rater's device then rates with that token. The use cases decide; this only translates.
 */
@RestController
@Tag(name = "evaluation 评价")
class BoundRatingController {

	private final IssuingBindingTokens issuing;
	private final BindingTokens tokens;
	private final RatingByEvaluator byEvaluator;
	private final RatingByQrCode byQrCode;

	BoundRatingController(IssuingBindingTokens issuing, BindingTokens tokens, RatingByEvaluator byEvaluator,
			RatingByQrCode byQrCode) {
		this.issuing = issuing;
		this.tokens = tokens;
		this.byEvaluator = byEvaluator;
		this.byQrCode = byQrCode;
	}

	@PostMapping("/api/v1/binding-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a signed, expiring token: DEVICE binds a case and service event, QR a staff member at their own window")
	Map<String, Object> issue(@RequestBody TokenRequest r) {
		if (r.kind() == null) {
			throw HcpException.invalid("kind", "REQUIRED", "令牌类型不能为空（DEVICE 或 QR）", "kind is required (DEVICE or QR)");
		}
		BindingToken token = r.kind() == BindingToken.Kind.DEVICE ? issuing.device(r.caseNo(), r.serviceNo(), r.deviceId())
				: issuing.qr(r.windowCode(), r.staffNo());
		return Map.of("token", tokens.sign(token), "kind", token.kind(), "expiresAt", token.expiresAt().toString());
	}

	@PostMapping("/api/v1/evaluations/bound")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Rate with a binding token (public: the token is the credential)")
	Map<String, List<EvaluationView>> rate(@RequestBody BoundRatingRequest r) {
		BindingToken token = tokens.verify(r.token());
		BoundRating rating = new BoundRating(r.caseNo(), r.level(), r.indicators(), r.comment(),
				EvaluationController.RaterRequest.toRater(r.rater()));
		return Map.of("evaluations", token.kind() == BindingToken.Kind.DEVICE ? byEvaluator.rate(token, rating)
				: byQrCode.rate(token, rating));
	}

	record TokenRequest(BindingToken.Kind kind, String caseNo, Integer serviceNo, String windowCode, String staffNo,
			String deviceId) {
	}

	record BoundRatingRequest(String token, String caseNo, Integer level, List<String> indicators, String comment,
			EvaluationController.RaterRequest rater) {
	}
}
