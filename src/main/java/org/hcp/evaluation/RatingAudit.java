package org.hcp.evaluation;

import org.hcp.privacy.Masks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of public ratings (logger {@code org.hcp.audit}): every accepted or refused evaluator/QR rating with
 * the exact reason the caller is not told, the submitting API key, and personal data masked.
 */
final class RatingAudit {

	private static final Logger audit = LoggerFactory.getLogger("org.hcp.audit");

	private RatingAudit() {
	}

	static void accepted(String flow, String caseNo, BindingToken token, Rater rater) {
		audit.info("{} rating accepted: case={} window={} staff={} rater={} submittedBy={}", flow, plain(caseNo),
				token.windowCode(), token.staffNo(), masked(rater), token.issuedBy());
	}

	static void refused(String flow, String reason, String caseNo, BindingToken token, Rater rater) {
		audit.warn("{} rating refused: reason={} case={} window={} staff={} rater={} submittedBy={}", flow, reason,
				plain(caseNo), token.windowCode(), token.staffNo(), masked(rater), token.issuedBy());
	}

	/** A case number as the caller typed it: no line breaks or control characters in the log, at most 64 chars. */
	private static String plain(String caseNo) {
		if (caseNo == null) {
			return "-";
		}
		String s = caseNo.replaceAll("\\p{Cntrl}", "?");
		return s.length() > 64 ? s.substring(0, 64) + "…" : s;
	}

	private static String masked(Rater rater) {
		if (rater == null) {
			return "-";
		}
		return "mobile " + (rater.mobile() == null ? "-" : rater.mobile().masked()) + ", id "
				+ (rater.certNo() == null ? "-" : Masks.idNumber(rater.certNo()));
	}
}
