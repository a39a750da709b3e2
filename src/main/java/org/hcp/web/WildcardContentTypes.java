package org.hcp.web;

import java.io.IOException;
import java.util.List;

import org.hcp.shared.Bilingual;
import org.hcp.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code Content-Type} of {@code *}{@code /*}, {@code application/*} … names no type at all. Spring's header
 * parsing throws an {@code IllegalArgumentException} on it wherever the headers are read (a JSON endpoint, the
 * actuator), which was a 500; it is refused here, for every path, as a 415.
 */
@Component
class WildcardContentTypes extends OncePerRequestFilter {

	private final JsonMapper json;

	WildcardContentTypes(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isWildcard(request.getContentType())) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), Problems.detail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"UNSUPPORTED_MEDIA_TYPE", Bilingual.of("内容类型不能是通配符，请用 application/json（CSV 导入用 text/csv）",
						"The content type cannot be a wildcard; use application/json (text/csv for CSV imports)"),
				List.of()));
	}

	private static boolean isWildcard(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException e) {
			return false; // Spring refuses an unparsable type itself, with a 415
		}
	}
}
