package org.hcp.web;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The actuator answers some refusals (an unknown health component: 404) with a status and no body at all. Under
 * {@code /actuator/} only, such an empty error gets the problem+json body of its status. Kept to that path because
 * it buffers the response, which the intake endpoints should not pay for.
 */
@Configuration
class ActuatorErrorBodies {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> actuatorErrorBodyFilter(JsonMapper json) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
				chain.doFilter(request, buffered);
				if (buffered.getStatus() >= 400 && buffered.getContentSize() == 0 && !response.isCommitted()) {
					response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
					response.setCharacterEncoding("UTF-8");
					json.writeValue(response.getOutputStream(), StatusProblems.of(buffered.getStatus()));
					return;
				}
				buffered.copyBodyToResponse();
			}
		});
		registration.addUrlPatterns("/actuator/*");
		return registration;
	}
}
