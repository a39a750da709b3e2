package org.hcp.rectification;

import java.util.ArrayList;
import java.util.List;

import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal of the façade as a screen shows it: the message and each field's problem in both languages (the page
 * picks the reader's), and the refusal's status on the response — never a stack trace, never a 500.
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

	/** The page of a refusal that leaves nothing else to show (403 another department's order, 404 unknown). */
	static String page(HcpException e, Model model, HttpServletResponse response) {
		show(e, model, response);
		model.addAttribute("status", e.status().value());
		return PAGE;
	}
}
