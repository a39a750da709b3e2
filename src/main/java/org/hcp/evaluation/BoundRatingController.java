package org.hcp.evaluation;

import java.util.List;
import java.util.Map;

import org.hcp.shared.HcpException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
	private final RatingDoors doors;
	private final ApplicationEventPublisher events;

	BoundRatingController(IssuingBindingTokens issuing, BindingTokens tokens, RatingDoors doors,
			ApplicationEventPublisher events) {
		this.issuing = issuing;
		this.tokens = tokens;
		this.doors = doors;
		this.events = events;
	}

	@PostMapping("/api/v1/binding-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a signed, expiring token: DEVICE (evaluator) and KIOSK bind a case and service event, QR a staff member at their own window, CASE a case's receipt")
	Map<String, Object> issue(@RequestBody TokenRequest r) {
		if (r.kind() == null) {
			throw HcpException.invalid("kind", "REQUIRED", "令牌类型不能为空（DEVICE 或 QR）", "kind is required (DEVICE or QR)");
		}
		BindingToken token = switch (r.kind()) {
			case DEVICE -> issuing.device(r.caseNo(), r.serviceNo(), r.deviceId());
			case KIOSK -> issuing.kiosk(r.caseNo(), r.serviceNo(), r.deviceId());
			case CASE -> issuing.caseReceipt(r.caseNo());
			case QR -> issuing.qr(r.windowCode(), r.staffNo());
		};
		String signed = tokens.sign(token);
		if (token.kind() == BindingToken.Kind.DEVICE && token.deviceId() != null && !token.deviceId().isBlank()) {
			events.publishEvent(new EvaluatorTokenIssued(token.deviceId(), signed, token.caseNo(), token.serviceNo(),
					token.windowCode(), token.staffNo(), token.expiresAt()));
		}
		return Map.of("token", signed, "kind", token.kind(), "expiresAt", token.expiresAt().toString());
	}

	@PostMapping("/api/v1/evaluations/bound")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Rate with a binding token (public: the token is the credential). A re-sent request with the "
			+ "same Idempotency-Key gets the first answer again, never a second rating")
	Map<String, List<EvaluationView>> rate(@RequestBody BoundRatingRequest r,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		BoundRating rating = new BoundRating(r.caseNo(), r.level(), r.indicators(), r.comment(),
				EvaluationController.RaterRequest.toRater(r.rater()), r.oneTimeCode());
		return Map.of("evaluations", doors.rateWithToken(r.token(), rating, idempotencyKey));
	}

	record TokenRequest(BindingToken.Kind kind, String caseNo, Integer serviceNo, String windowCode, String staffNo,
			String deviceId) {
	}

	/** {@code oneTimeCode}: the SMS code when the mobile proves the rater is the applicant (QR and receipt codes). */
	record BoundRatingRequest(String token, String caseNo, Integer level, List<String> indicators, String comment,
			EvaluationController.RaterRequest rater, String oneTimeCode) {
	}
}
