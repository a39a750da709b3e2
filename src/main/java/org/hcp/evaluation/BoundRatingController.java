package org.hcp.evaluation;

import java.util.List;
import java.util.Map;

import org.hcp.catalog.Catalog;
import org.hcp.catalog.StaffView;
import org.hcp.catalog.WindowView;
import org.hcp.cases.CaseView;
import org.hcp.cases.Cases;
import org.hcp.cases.ServiceEventView;
import org.hcp.privacy.PersonalData;
import org.hcp.security.Caller;
import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Evaluator and QR flows. A hall system asks for a token right after a service (device) or when printing a window's
 * code (QR); the rater's device then rates with that token, and the rating is attributed from the token.
 */
@RestController
@Tag(name = "evaluation 评价")
class BoundRatingController {

	private final BindingTokens tokens;
	private final Evaluations evaluations;
	private final Cases cases;
	private final Catalog catalog;
	private final PersonalData personal;

	BoundRatingController(BindingTokens tokens, Evaluations evaluations, Cases cases, Catalog catalog,
			PersonalData personal) {
		this.personal = personal;
		this.tokens = tokens;
		this.evaluations = evaluations;
		this.cases = cases;
		this.catalog = catalog;
	}

	@PostMapping("/api/v1/binding-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a signed, expiring token: DEVICE binds a case and service event, QR a window and staff member")
	Map<String, Object> issue(@RequestBody TokenRequest r) {
		if (r.kind() == null) {
			throw HcpException.invalid("kind", "REQUIRED", "令牌类型不能为空（DEVICE 或 QR）", "kind is required (DEVICE or QR)");
		}
		BindingToken token = r.kind() == BindingToken.Kind.DEVICE ? deviceToken(r) : qrToken(r);
		return Map.of("token", tokens.sign(token), "kind", token.kind(), "expiresAt", token.expiresAt().toString());
	}

	@PostMapping("/api/v1/evaluations/bound")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Rate with a binding token (public: the token is the credential)")
	Map<String, List<EvaluationView>> rate(@RequestBody BoundRatingRequest r) {
		BindingToken token = tokens.verify(r.token());
		Rater rater = EvaluationController.RaterRequest.toRater(r.rater());
		if (token.kind() == BindingToken.Kind.DEVICE) {
			return Map.of("evaluations", evaluations.rate(new RatingCommand(token.caseNo(), token.serviceNo(),
					Channel.HALL_EVALUATOR, r.level(), r.indicators(), r.comment(), null, rater, false, token.staffNo(),
					token.windowCode(), Source.TOKEN)));
		}
		CaseView c = cases.requireReferenced("caseNo", r.caseNo());
		requireApplicant(c, rater);
		ServiceEventView served = servedAt(c, token);
		String staffNo = token.staffNo().equals(served.staffNo()) || served.staffNo() == null ? token.staffNo()
				: served.staffNo();
		return Map.of("evaluations", evaluations.rate(new RatingCommand(c.caseNo(), served.serviceNo(), Channel.QR_CODE,
				r.level(), r.indicators(), r.comment(), null, rater, false, staffNo, token.windowCode(), Source.TOKEN)));
	}

	private BindingToken deviceToken(TokenRequest r) {
		CaseView c = cases.requireReferenced("caseNo", r.caseNo());
		Caller.current().ifPresent(k -> k.requireScope("caseNo", c.region()));
		ServiceEventView e = (r.serviceNo() == null ? c.lastEvent() : c.event(r.serviceNo())).orElseThrow(
				() -> HcpException.invalid("serviceNo", "UNKNOWN_SERVICE", "该办件没有这次服务", "The case has no such service event"));
		return tokens.device(c.caseNo(), e.serviceNo(), e.windowCode(), e.staffNo(), r.deviceId());
	}

	private BindingToken qrToken(TokenRequest r) {
		WindowView window = r.windowCode() == null ? null : catalog.window(r.windowCode()).orElse(null);
		if (window == null) {
			throw HcpException.invalid("windowCode", "UNKNOWN_WINDOW", "窗口不存在：" + r.windowCode(), "No window " + r.windowCode());
		}
		Caller.current().ifPresent(k -> k.requireScope("windowCode", window.region()));
		StaffView staff = r.staffNo() == null ? null : catalog.staff(r.staffNo()).orElseThrow(() -> HcpException
			.invalid("staffNo", "UNKNOWN_STAFF", "工作人员不存在：" + r.staffNo(), "No staff member " + r.staffNo()));
		if (staff == null) {
			throw HcpException.invalid("staffNo", "REQUIRED", "二维码须绑定工作人员（一码一账号）", "A QR code is bound to one staff member");
		}
		return tokens.qr(r.windowCode(), staff.staffNo());
	}

	/**
	 * A printed QR code is public and a case number is on the receipt, so a QR rating must come from the applicant:
	 * when the case knows the applicant's mobile or ID number, the rater must give a matching one.
	 */
	private void requireApplicant(CaseView c, Rater rater) {
		if (c.applicantMobileHash() == null && c.applicantCertHash() == null) {
			return;
		}
		byte[] mobile = rater.mobile() == null ? null
				: personal.lookupHash(PersonalData.LookupKind.MOBILE, rater.mobile().value());
		byte[] cert = rater.certNo() == null ? null : personal.lookupHash(PersonalData.LookupKind.ID_NUMBER, rater.certNo());
		boolean matches = mobile != null && java.util.Arrays.equals(mobile, c.applicantMobileHash())
				|| cert != null && java.util.Arrays.equals(cert, c.applicantCertHash());
		if (!matches) {
			throw new HcpException(org.springframework.http.HttpStatus.FORBIDDEN, "NOT_THE_APPLICANT",
					org.hcp.shared.Bilingual.of("扫码评价须由申请人本人进行，请填写办件登记的手机号码或证件号码",
							"A QR rating must come from the applicant: give the mobile or ID number registered with the case"),
					List.of(org.hcp.shared.FieldProblem.of("rater", "与办件申请人不符", "does not match the applicant")));
		}
	}

	/** The latest service of the case by the token's staff member, else at the token's window. */
	private static ServiceEventView servedAt(CaseView c, BindingToken token) {
		return c.events().stream()
			.filter(e -> token.staffNo().equals(e.staffNo()))
			.reduce((a, b) -> b)
			.or(() -> c.events().stream().filter(e -> token.windowCode().equals(e.windowCode())).reduce((a, b) -> b))
			.orElseThrow(() -> HcpException.invalid("caseNo", "NOT_SERVED_HERE",
					"办件 " + c.caseNo() + " 不是在该窗口办理的，请扫描办理窗口的二维码",
					"Case " + c.caseNo() + " was not served at this window; scan the code of the window that served it"));
	}


	record TokenRequest(BindingToken.Kind kind, String caseNo, Integer serviceNo, String windowCode, String staffNo,
			String deviceId) {
	}

	record BoundRatingRequest(String token, String caseNo, Integer level, List<String> indicators, String comment,
			EvaluationController.RaterRequest rater) {
	}
}
