package org.hcp.rectification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.Problems;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal of the façade as a screen shows it: the message and each field's problem in both languages (the page
 * picks the reader's), and the refusal's status on the response — never a stack trace, never a 500. As everywhere in
 * the project, a page only for a request that asks for HTML (a person's browser); anything else gets the one
 * problem+json shape.
 */
final class ScreenProblems {

	static final String PAGE = "rectification/problem";

	private ScreenProblems() {
	}

	/** Puts the refusal on the model of the page that is shown again. */
	static void show(HcpException e, Model model, HttpServletResponse response) {
		List<FieldProblem> fields = new ArrayList<>(e.fields());
		model.addAttribute("problem", e.text());
		model.addAttribute("problemFields", fields);
		model.addAttribute("problemCode", e.code());
		response.setStatus(e.status().value());
	}

	/**
	 * The answer to a refusal that leaves nothing else to show (403 another department's order, 404 unknown): the
	 * problem page for a browser, problem+json for anyone else.
	 */
	static Object answer(HcpException e, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (!wantsPage(request)) {
			return json(e);
		}
		show(e, model, response);
		model.addAttribute("status", e.status().value());
		return PAGE;
	}

	static ResponseEntity<?> json(HcpException e) {
		return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.toDetail(e));
	}

	/** Whether the request asks for HTML (with a quality above 0). */
	static boolean wantsPage(HttpServletRequest request) {
		List<String> accept = Collections.list(request.getHeaders("Accept"));
		try {
			return !accept.isEmpty() && MediaType.parseMediaTypes(accept).stream()
				.anyMatch(t -> t.getQualityValue() > 0 && "text".equals(t.getType()) && "html".equals(t.getSubtype()));
		}
		catch (InvalidMediaTypeException e) {
			return false;
		}
	}
}
