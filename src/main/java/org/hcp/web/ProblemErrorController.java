package org.hcp.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Replaces Spring Boot's {@code /error}, which answered in its own JSON or an HTML page: whatever the servlet
 * container forwards here (a {@code sendError} of a filter, a request parameter Tomcat could not parse, an
 * exception that escaped MVC) is answered in the one problem+json shape — or, for a person on a screen, as a page
 * ({@link ScreenPages}). A request for {@code /error} itself is a 404; there is nothing to see there.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping("${server.error.path:/error}")
	Object error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		ProblemDetail detail = StatusProblems.of(status instanceof Integer code && code >= 400 ? code : 404);
		if (detail.getStatus() >= 500) {
			log.error("Failure outside MVC, errorId {} on {}", detail.getProperties().get("errorId"),
					request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
		}
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null
				&& ScreenPages.wanted(request, ScreenPages.pathOf(request))) {
			return ScreenPages.of(detail);
		}
		return ResponseEntity.status(detail.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
	}
}
