package org.hcp.web;

import java.util.Collections;
import java.util.List;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before a JSON endpoint runs, an {@code Accept} that JSON cannot satisfy (or that does not parse). Spring
 * finds it only when it writes the answer, after the handler has stored what it was sent: the client got a 406 for
 * a case that was in fact registered. Now it gets the 406 and nothing is stored. The exception goes through
 * {@link ProblemResponses} like any other.
 */
class RequestHeaderChecks implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		if (answersJson(method)) {
			refuseUnanswerableAccept(request);
		}
		return true;
	}

	private static void refuseUnanswerableAccept(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
		List<String> headers = Collections.list(request.getHeaders("Accept"));
		if (headers.isEmpty()) {
			return;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(headers);
		}
		catch (InvalidMediaTypeException e) {
			throw new HttpMediaTypeNotAcceptableException("Could not parse Accept header: " + e.getMessage());
		}
		boolean json = accepted.isEmpty() || accepted.stream()
			.filter(t -> t.getQualityValue() > 0)
			.anyMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON) || t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		if (!json) {
			throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
		}
	}

	/** JSON endpoints of this application: a response body, and no {@code produces} of their own to negotiate. */
	private static boolean answersJson(HandlerMethod method) {
		boolean body = method.hasMethodAnnotation(ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class);
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
		return body && method.getBeanType().getPackageName().startsWith("org.hcp")
				&& (mapping == null || mapping.produces().length == 0);
	}
}
