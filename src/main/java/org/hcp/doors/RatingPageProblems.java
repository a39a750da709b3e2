package org.hcp.doors;

import java.util.stream.Collectors;

import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.context.i18n.LocaleContextHolder;

/** A refusal as a rating page shows it: in the reader's language, the field problems after the message. */
final class RatingPageProblems {

	/** The fields by which a rater proves to be the applicant (templates/doors/rate.html :: proof). */
	static final java.util.List<String> PROOF_FIELDS = java.util.List.of("oneTimeCode", "mobile", "certNo", "caseNo");

	private RatingPageProblems() {
	}

	static String message(HcpException e) {
		boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		String head = en ? e.text().en() : e.text().zh();
		String fields = e.fields().stream().map(f -> en ? f.en() : f.zh())
			.filter(t -> t != null && !t.isBlank() && !head.contains(t))
			.collect(Collectors.joining(en ? "; " : "；"));
		return fields.isEmpty() ? head : head + (en ? ": " : "：") + fields;
	}

	static boolean concerns(HcpException e, String field) {
		return e.fields().stream().map(FieldProblem::field).anyMatch(field::equals);
	}
}
