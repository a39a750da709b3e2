package org.hcp.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one problem+json shape of the whole API: code, message in Chinese and English, and field errors. */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail toDetail(HcpException e) {
		return detail(e.status(), e.code(), e.text(), e.fields());
	}

	public static ProblemDetail detail(HttpStatus status, String code, Bilingual text, List<FieldProblem> fields) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, text.en());
		detail.setType(URI.create("urn:hcp:problem:" + code.toLowerCase().replace('_', '-')));
		detail.setTitle(status.getReasonPhrase());
		detail.setProperty("code", code);
		detail.setProperty("message", Map.of("zh", text.zh(), "en", text.en()));
		detail.setProperty("errors", fields.stream()
			.map(f -> Map.of("field", f.field(), "zh", f.zh(), "en", f.en()))
			.toList());
		return detail;
	}
}
