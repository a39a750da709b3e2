package org.hcp.security;

import java.io.IOException;
import java.util.List;

import org.hcp.shared.Bilingual;
import org.hcp.shared.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Everything that is not public needs an API key; admin paths need the admin role. */
@Configuration
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiKeys keys, JsonMapper json) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(b -> b.disable())
			.formLogin(f -> f.disable())
			.logout(l -> l.disable())
			.addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/", "/error", "/favicon.ico", "/css/**", "/js/**", "/webjars/**").permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/api/public/**").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/evaluations/bound").permitAll()
				.requestMatchers("/api/v1/admin/**", "/actuator/**").hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.GET, "/api/v1/catalog/**").hasAnyRole(Role.ADMIN.name(), Role.PLATFORM.name())
				.requestMatchers("/api/v1/catalog/**").hasRole(Role.ADMIN.name())
				.requestMatchers("/api/v1/sms/inbound").hasAnyRole(Role.SMS_GATEWAY.name(), Role.ADMIN.name())
				.requestMatchers("/api/**").hasAnyRole(Role.ADMIN.name(), Role.PLATFORM.name())
				.anyRequest().authenticated())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> write(res, json, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
						Bilingual.of("需要有效的 X-Api-Key 请求头", "A valid X-Api-Key header is required")))
				.accessDeniedHandler((req, res, ex) -> write(res, json, HttpStatus.FORBIDDEN, "FORBIDDEN",
						Bilingual.of("本账号无权访问此资源", "This account may not access this resource"))));
		return http.build();
	}

	private static void write(HttpServletResponse res, JsonMapper json, HttpStatus status, String code, Bilingual text)
			throws IOException {
		res.setStatus(status.value());
		res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		res.setCharacterEncoding("UTF-8");
		json.writeValue(res.getOutputStream(), Problems.detail(status, code, text, List.of()));
	}
}
