package org.hcp.doors;

import java.util.List;

import org.hcp.evaluation.Rater;
import org.hcp.privacy.Mobile;

/**
 * What the shared rating form posts (templates/doors/fragments.html :: rating) with the proof fields of a token page.
 * {@code comment} is the optional text of 3–5 stars, {@code badText} the text of a 1–2 star rating.
 */
record RatingPageForm(Integer level, String comment, String badText, List<String> indicators, String idempotencyKey,
		String caseNo, String mobile, String oneTimeCode, String certNo) {

	static final RatingPageForm EMPTY = new RatingPageForm(null, null, null, null, null, null, null, null, null);

	/** The ID number's certificate type of GB/T 2659-style codes the cases use (111: resident identity card). */
	static final String ID_CARD = "111";

	boolean isBad() {
		return level != null && level <= 2;
	}

	boolean lacksReason() {
		return indicatorsOrEmpty().isEmpty() && blank(badText);
	}

	/** The rating's text: the bad review's text for 1–2 stars, the optional comment otherwise. */
	String text() {
		String t = isBad() ? badText : comment;
		return blank(t) ? null : t.strip();
	}

	List<String> indicatorsOrEmpty() {
		return indicators == null || !isBad() ? List.of() : indicators.stream().filter(i -> !blank(i)).toList();
	}

	String keyOrNull() {
		return blank(idempotencyKey) ? null : idempotencyKey.strip();
	}

	String caseNoOrNull() {
		return blank(caseNo) ? null : caseNo.strip();
	}

	String oneTimeCodeOrNull() {
		return blank(oneTimeCode) ? null : oneTimeCode.strip();
	}

	/** The rater as the proof fields give them: the ID number wins over the mobile; neither → anonymous. */
	Rater rater() {
		if (!blank(certNo)) {
			return new Rater(null, ID_CARD, certNo.strip(), null);
		}
		Mobile m = Mobile.parseOptional("mobile", mobile);
		return m == null ? Rater.ANONYMOUS : new Rater(null, null, null, m);
	}

	/** What a page shown again keeps: the proof the rater typed (never the level, the indicators or a text). */
	RatingPageForm proofOnly() {
		return new RatingPageForm(null, null, null, null, null, caseNo, mobile, null, null);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
