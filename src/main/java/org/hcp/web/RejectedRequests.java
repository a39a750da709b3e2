package org.hcp.web;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Spring Security's firewall refuses (a {@code ;}, {@code %25}, {@code %2e%2e}, {@code //} or a control
 * character in the path …) is a 400 in problem+json, written here rather than forwarded to {@code /error}. Picked
 * up by the security configuration as the one {@link RequestRejectedHandler} bean.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

	private final JsonMapper json;

	RejectedRequests(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		log.debug("Refused by the firewall: {}", rejected.getMessage());
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), StatusProblems.of(HttpServletResponse.SC_BAD_REQUEST));
	}
}
