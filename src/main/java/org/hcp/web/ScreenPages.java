package org.hcp.web;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A refusal met by a person on a screen is a page of the layout, not JSON: when the path is a screen's (not the
 * API's, the actuator's, the OpenAPI's) and the request asks for {@code text/html}, the same problem — status,
 * code, message in the person's language, field problems — is rendered by {@code templates/problem.html}. Anything
 * else keeps the one problem+json shape.
 */
final class ScreenPages {

	private ScreenPages() {
	}

	static boolean wanted(HttpServletRequest request, String path) {
		if (path == null || path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")
				|| path.startsWith("/v3/") || path.startsWith("/swagger-ui") || path.equals("/error")) {
			return false;
		}
		List<String> headers = Collections.list(request.getHeaders("Accept"));
		if (headers.isEmpty()) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(headers).stream()
				.anyMatch(t -> t.getQualityValue() > 0 && "text".equals(t.getType()) && "html".equals(t.getSubtype()));
		}
		catch (InvalidMediaTypeException e) {
			return false;
		}
	}

	/** The path a request was made for, also when it has been forwarded to {@code /error}. */
	static String pathOf(HttpServletRequest request) {
		Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
		String uri = original instanceof String s ? s : request.getRequestURI();
		return uri.substring(Math.min(uri.length(), request.getContextPath().length()));
	}

	@SuppressWarnings("unchecked")
	static ModelAndView of(ProblemDetail detail) {
		ModelAndView page = new ModelAndView("problem");
		HttpStatus status = HttpStatus.resolve(detail.getStatus());
		page.setStatus(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status);
		Map<String, Object> properties = detail.getProperties() == null ? Map.of() : detail.getProperties();
		Map<String, String> message = properties.get("message") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
		int code = detail.getStatus();
		page.addObject("status", code);
		page.addObject("heading", "layout.problem." + (code == 403 || code == 404 ? String.valueOf(code) : code >= 500 ? "500" : "other"));
		page.addObject("code", properties.get("code"));
		page.addObject("zh", message.getOrDefault("zh", detail.getDetail()));
		page.addObject("en", message.getOrDefault("en", detail.getDetail()));
		page.addObject("errors", properties.get("errors") instanceof List<?> errors ? errors : List.of());
		page.addObject("errorId", properties.get("errorId"));
		return page;
	}
}
