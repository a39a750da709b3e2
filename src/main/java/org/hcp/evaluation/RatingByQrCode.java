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

	RatingByQrCode(Cases cases, Evaluations evaluations, PersonalData personal) {
		this.cases = cases;
		this.evaluations = evaluations;
		this.personal = personal;
	}

	List<EvaluationView> rate(BindingToken token, BoundRating rating) {
		if (rating.caseNo() == null || rating.caseNo().isBlank()) {
			throw HcpException.invalid("caseNo", "REQUIRED", "办件编号不能为空", "caseNo is required");
		}
		Optional<CaseView> found = findAnswering(rating, token);
		if (found.isEmpty()) {
			throw refused("UNKNOWN_CASE", rating, token);
		}
		CaseView c = found.get();
		if (!fromTheApplicant(c, rating.rater())) {
			throw refused("NOT_THE_APPLICANT", rating, token);
		}
		ServiceEventView served = ServedAtThatWindow.find(c, token.staffNo(), token.windowCode())
			.orElseThrow(() -> refused("NOT_SERVED_HERE", rating, token));
		try {
			List<EvaluationView> stored = evaluations.rate(new RatingCommand(c.caseNo(), served.serviceNo(),
					Channel.QR_CODE, rating.level(), rating.indicators(), rating.comment(), null, rating.rater(), false,
					Source.TOKEN), token.issuedBy());
			RatingAudit.accepted("QR", c.caseNo(), token, rating.rater());
			return stored;
		}
		catch (HcpException e) {
			RatingAudit.refused("QR", e.code(), c.caseNo(), token, rating.rater());
			throw e;
		}
	}

	/**
	 * The case, or empty. A caller who adds a region-limited key to this public request must not learn from a 403
	 * that a case of another region exists: out of scope reads like unknown (and is audited as what it was).
	 */
	private Optional<CaseView> findAnswering(BoundRating rating, BindingToken token) {
		try {
			return cases.find(rating.caseNo());
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
		RatingAudit.refused("QR", reason, rating.caseNo(), token, rating.rater());
		return new HcpException(HttpStatus.UNPROCESSABLE_ENTITY, REFUSED,
				Bilingual.of("无法使用该二维码评价此办件：请核对办件编号，填写办件登记的手机号码或证件号码，并扫描为您办理的窗口的二维码",
						"This QR code cannot rate this case: check the case number, give the mobile or ID number registered "
								+ "with the case, and scan the code of the window that served you"),
				List.of(FieldProblem.of("caseNo", "无法使用该二维码评价此办件", "this QR code cannot rate this case")));
	}
}
