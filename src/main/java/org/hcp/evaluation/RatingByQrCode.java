package org.hcp.evaluation;

import java.util.List;
import java.util.Optional;

import org.hcp.cases.CaseView;
import org.hcp.cases.Cases;
import org.hcp.cases.ServiceEventView;
import org.hcp.evaluation.rules.QrRatingFromTheApplicant;
import org.hcp.evaluation.rules.ServedAtThatWindow;
import org.hcp.privacy.PersonalData;
import org.hcp.shared.Bilingual;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * 扫码评价: a rater scans a window's QR code and rates a case served there. The endpoint is public, so it must not
 * tell an unknown case from a stranger's case or from a case served elsewhere: all three get one refusal, and the
 * exact reason goes to the audit log only.
 */
@Service
class RatingByQrCode {

	static final String REFUSED = "QR_RATING_REFUSED";

	private final Cases cases;
	private final Evaluations evaluations;
	private final PersonalData personal;
	private final ObjectProvider<OneTimeCodes> codes;

	RatingByQrCode(Cases cases, Evaluations evaluations, PersonalData personal, ObjectProvider<OneTimeCodes> codes) {
		this.cases = cases;
		this.evaluations = evaluations;
		this.personal = personal;
		this.codes = codes;
	}

	/**
	 * A window's code (QR: the case comes from the rater) or a receipt's (CASE: the case comes from the token). The
	 * rater proves to be the applicant by the ID number, or by the mobile together with the SMS code sent to it.
	 */
	List<EvaluationView> rate(BindingToken token, BoundRating rating) {
		String caseNo = token.kind() == BindingToken.Kind.CASE ? token.caseNo() : rating.caseNo();
		if (caseNo == null || caseNo.isBlank()) {
			throw HcpException.invalid("caseNo", "REQUIRED", "办件编号不能为空", "caseNo is required");
		}
		provenMobile(rating);
		Optional<CaseView> found = findAnswering(caseNo, rating, token);
		if (found.isEmpty()) {
			throw refused("UNKNOWN_CASE", rating, token);
		}
		CaseView c = found.get();
		if (!fromTheApplicant(c, rating.rater())) {
			throw refused("NOT_THE_APPLICANT", rating, token);
		}
		ServiceEventView served = (token.kind() == BindingToken.Kind.CASE ? c.lastEvent()
				: ServedAtThatWindow.find(c, token.staffNo(), token.windowCode()))
			.orElseThrow(() -> refused("NOT_SERVED_HERE", rating, token));
		try {
			List<EvaluationView> stored = evaluations.rate(new RatingCommand(c.caseNo(), served.serviceNo(),
					Channel.QR_CODE, rating.level(), rating.indicators(), rating.comment(), null, rating.rater(), false,
					Source.TOKEN), token.issuedBy());
			RatingAudit.accepted(token.kind().name(), c.caseNo(), token, rating.rater());
			return stored;
		}
		catch (HcpException e) {
			RatingAudit.refused(token.kind().name(), e.code(), c.caseNo(), token, rating.rater());
			throw e;
		}
	}

	/**
	 * Proof by the ID number needs nothing more; proof by the mobile needs the SMS code sent to it, checked (and used
	 * up) before anything about the case is looked at, so a wrong code tells nothing about the case.
	 */
	private void provenMobile(BoundRating rating) {
		Rater rater = rating.rater();
		boolean byCert = rater.certNo() != null && !rater.certNo().isBlank();
		if (byCert || rater.mobile() == null) {
			return;
		}
		if (rating.oneTimeCode() == null || rating.oneTimeCode().isBlank()) {
			throw HcpException.invalid("oneTimeCode", "ONE_TIME_CODE_REQUIRED", "用手机号码证明身份时须填写短信验证码",
					"When the mobile proves who you are, the SMS code sent to it is required");
		}
		OneTimeCodes port = codes.getIfAvailable();
		if (port == null || !port.consume(rater.mobile(), rating.oneTimeCode().trim())) {
			throw HcpException.invalid("oneTimeCode", "ONE_TIME_CODE_WRONG", "短信验证码不正确或已失效，请核对后重新输入，或重新获取",
					"The SMS code is wrong or no longer valid; check it, or ask for a new one");
		}
	}

	/**
	 * The case, or empty. A caller who adds a region-limited key to this public request must not learn from a 403
	 * that a case of another region exists: out of scope reads like unknown (and is audited as what it was).
	 */
	private Optional<CaseView> findAnswering(String caseNo, BoundRating rating, BindingToken token) {
		try {
			return cases.find(caseNo);
		}
		catch (HcpException e) {
			if (e.status() == HttpStatus.FORBIDDEN) {
				throw refused(e.code(), rating, token);
			}
			throw e;
		}
	}

	private boolean fromTheApplicant(CaseView c, Rater rater) {
		byte[] mobile = rater.mobile() == null ? null
				: personal.lookupHash(PersonalData.LookupKind.MOBILE, rater.mobile().value());
		byte[] cert = rater.certNo() == null || rater.certNo().isBlank() ? null
				: personal.lookupHash(PersonalData.LookupKind.ID_NUMBER, rater.certNo().trim());
		return QrRatingFromTheApplicant.allows(c.applicantMobileHash(), c.applicantCertHash(), mobile, cert);
	}

	/** One answer for every reason a stranger could otherwise tell apart; the reason itself is audited. */
	private static HcpException refused(String reason, BoundRating rating, BindingToken token) {
		RatingAudit.refused(token.kind().name(), reason, token.kind() == BindingToken.Kind.CASE ? token.caseNo()
				: rating.caseNo(), token, rating.rater());
		return new HcpException(HttpStatus.UNPROCESSABLE_ENTITY, REFUSED,
				Bilingual.of("无法使用该二维码评价此办件：请核对办件编号，填写办件登记的手机号码或证件号码，并扫描为您办理的窗口的二维码",
						"This QR code cannot rate this case: check the case number, give the mobile or ID number registered "
								+ "with the case, and scan the code of the window that served you"),
				List.of(FieldProblem.of("caseNo", "无法使用该二维码评价此办件", "this QR code cannot rate this case")));
	}
}
