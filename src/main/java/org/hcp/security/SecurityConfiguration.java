package org.hcp.security;

import java.io.IOException;
import java.util.List;

import org.hcp.shared.Bilingual;
import org.hcp.shared.Problems;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.util.UrlPathHelper;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two ways in, one {@link Caller} (ADR 0014):
 * <ul>
 * <li>the API ({@code /api/**}, {@code /actuator/**}, the OpenAPI description and UI, {@code /error}): stateless,
 * no CSRF; a system sends {@code X-Api-Key}, a person HTTP Basic with login name and password;</li>
 * <li>the screens (everything else): form login at {@code /login}, an HTTP session, CSRF tokens, logout; the start
 * page, the sign-in page, static assets and the rater's status page {@code /r/**} are public, {@code /app/admin/**}
 * is for administrators, {@code /app/**} for anyone signed in.</li>
 * </ul>
 * Every refusal of the API is problem+json; the screens send the anonymous to the sign-in page.
 */
@Configuration
class SecurityConfiguration {

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	/** The roles of people; each may use the people's API spaces. */
	private static final String[] PEOPLE = { Role.ADMIN.name(), Role.HOTLINE.name(), Role.DEPARTMENT.name(),
			Role.OFFICE.name(), Role.STAFF.name(), Role.ASSESSOR.name() };

	/** The session and language cookies are not sent along with requests that other sites start. */
	@Bean
	CookieSameSiteSupplier sameSiteLax() {
		return CookieSameSiteSupplier.ofLax();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** One manager for both chains, with no parent: a refused password is counted exactly once. */
	@Bean
	AuthenticationManager peopleAuthentication(SignIn signIn, ApplicationEventPublisher events) {
		ProviderManager manager = new ProviderManager(signIn);
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiKeys keys, AuthenticationManager people, JsonMapper json)
			throws Exception {
		http.securityMatcher(SecurityConfiguration::isApiRequest)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authenticationManager(people)
			.httpBasic(b -> b.realmName("hcp").authenticationEntryPoint((req, res, ex) -> unauthenticated(res, json, ex)))
			.formLogin(f -> f.disable())
			.logout(l -> l.disable())
			.requestCache(c -> c.disable())
			.addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/error").permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/api/public/**").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/evaluations/bound").permitAll()
				.requestMatchers("/api/v1/admin/**", "/actuator", "/actuator/**").hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.GET, "/api/v1/catalog/**").hasAnyRole(Role.ADMIN.name(), Role.PLATFORM.name())
				.requestMatchers("/api/v1/catalog/**").hasRole(Role.ADMIN.name())
				.requestMatchers("/api/v1/sms/inbound").hasAnyRole(Role.SMS_GATEWAY.name(), Role.ADMIN.name())
				.requestMatchers("/api/v1/evaluator-devices", "/api/v1/evaluator-devices/**")
					.hasAnyRole(Role.ADMIN.name(), Role.OFFICE.name())
				.requestMatchers("/api/v1/work-orders/**", "/api/v1/appeals/**", "/api/v1/supervision/**",
						"/api/v1/notices/**", "/api/v1/paper-forms").hasAnyRole(PEOPLE)
				// printed staff codes 一码一账号: also the offices that print them (ADR 0021)
				.requestMatchers("/api/v1/staff-codes", "/api/v1/staff-codes/**", "/api/v1/institutions/*/staff-codes.pdf")
				.hasAnyRole(Role.ADMIN.name(), Role.PLATFORM.name(), Role.OFFICE.name())
				// the office's dashboard (ADR 0029): region-scoped; a department handler sees their department
				.requestMatchers(HttpMethod.GET, "/api/v1/dashboard").hasAnyRole(Role.ADMIN.name(), Role.PLATFORM.name(),
						Role.OFFICE.name(), Role.DEPARTMENT.name())
				// statistics 统计 (issue 8): offices and department handlers read the figures of their scope
				.requestMatchers("/api/v1/statistics", "/api/v1/statistics/**")
				.hasAnyRole(Role.ADMIN.name(), Role.PLATFORM.name(), Role.OFFICE.name(), Role.DEPARTMENT.name())
				// analytics (issue 8): rankings for offices and departments, reports and their exports for offices; the
				// façades check the role per kind and the region scope
				.requestMatchers("/api/v1/rankings", "/api/v1/rankings/**")
				.hasAnyRole(Role.ADMIN.name(), Role.PLATFORM.name(), Role.OFFICE.name(), Role.DEPARTMENT.name())
				.requestMatchers("/api/v1/reports/**", "/api/v1/exports/**")
				.hasAnyRole(Role.ADMIN.name(), Role.PLATFORM.name(), Role.OFFICE.name())
				// the national interface (ADR 0031): authenticated by the envelope (registered peer, signature, time,
				// no replay), not by a key; our public key is public
				.requestMatchers(HttpMethod.POST, "/api/exchange/v1/national").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/exchange/v1/public-key").permitAll()
				// exchange push (issue 9): the outbox and its backlog for offices (region-scoped) and admins
				.requestMatchers("/api/v1/exchange/**").hasAnyRole(Role.ADMIN.name(), Role.OFFICE.name())
				.requestMatchers("/api/**").hasAnyRole(Role.ADMIN.name(), Role.PLATFORM.name())
				.anyRequest().authenticated())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> unauthenticated(res, json, ex))
				.accessDeniedHandler((req, res, ex) -> forbidden(res, json)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain screens(HttpSecurity http, AuthenticationManager people, AccountStore accounts,
			JsonMapper json) throws Exception {
		LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
		// where the person was going is kept in the session; no "?continue" marker on the way back
		HttpSessionRequestCache wentTo = new HttpSessionRequestCache();
		wentTo.setMatchingRequestParameterName(null);
		SavedRequestAwareAuthenticationSuccessHandler toApp = new SavedRequestAwareAuthenticationSuccessHandler();
		toApp.setDefaultTargetUrl("/app");
		toApp.setRequestCache(wentTo);
		http.authenticationManager(people)
			.requestCache(c -> c.requestCache(wentTo))
			.formLogin(f -> f.loginPage("/login")
				.loginProcessingUrl("/login")
				.successHandler(toApp)
				.failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + "/login?error=" + reason(ex))))
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			.httpBasic(b -> b.disable())
			// a rating page opened by a token posts with that token as its credential (as the API's bound rating
			// does, without CSRF): a page left open past the session's end still rates (ADR 0022); the evaluator's
			// calls carry the device secret in a header, never a cookie: nothing for CSRF to forge (ADR 0023)
			.csrf(c -> c.ignoringRequestMatchers("/rate/t/**", "/kiosk/**", "/evaluator/**"))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.addFilterBefore(new SessionStillValid(accounts), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth
				// the error page of a screen's request renders with the person's layout; it holds no data of its own
				.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
				// never served by this chain (the API chain takes them); refused should a path ever slip through
				.requestMatchers("/api/**", "/actuator/**").denyAll()
				.requestMatchers("/", "/login", "/favicon.ico", "/css/**", "/js/**", "/images/**", "/webjars/**").permitAll()
				.requestMatchers("/r/**").permitAll()
				// public disclosure 公开 (ADR 0029): suppressed figures of ended periods, no personal data
				.requestMatchers("/public/**").permitAll()
				// the raters' pages (module doors): a token, a printed code or the portal's own SMS sign-in is the key
				.requestMatchers("/a11y", "/rate", "/rate/**", "/c/**", "/q/**", "/kiosk", "/kiosk/**").permitAll()
				// the hall evaluator's tablet: the page holds no data; its calls prove the device by its secret
				.requestMatchers("/evaluator/**").permitAll()
				.requestMatchers("/app/admin/**").hasRole(Role.ADMIN.name())
				.requestMatchers("/app/codes", "/app/codes/**").hasAnyRole(Role.OFFICE.name(), Role.ADMIN.name())
				.requestMatchers("/app/dashboard", "/app/dashboard/**")
				.hasAnyRole(Role.OFFICE.name(), Role.DEPARTMENT.name(), Role.ADMIN.name())
				// exchange push (issue 9): the office screen of push failures
				.requestMatchers("/app/exchange", "/app/exchange/**").hasAnyRole(Role.OFFICE.name(), Role.ADMIN.name())
				.requestMatchers("/app", "/app/**").hasAnyRole(PEOPLE)
				.anyRequest().authenticated())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> {
					if (isHtmx(req)) {
						res.setHeader("HX-Redirect", req.getContextPath() + "/login");
						unauthenticated(res, json, ex);
					}
					else {
						toLogin.commence(req, res, ex);
					}
				})
				.accessDeniedHandler((req, res, ex) -> {
					if (ex instanceof CsrfException && isAnonymous() && PATHS.getPathWithinApplication(req).startsWith("/rate")) {
						// the portal's form posted after its session ended: its own sign-in, not the staff's
						res.sendRedirect(req.getContextPath() + "/rate?expired");
					}
					else if (ex instanceof CsrfException && isAnonymous() && !isHtmx(req)) {
						// a form posted after its session ended: sign in again rather than face a bare 403
						res.sendRedirect(req.getContextPath() + "/login?expired");
					}
					else {
						// through the error page: a person's browser gets a page of the layout, anyone else problem+json
						res.sendError(HttpStatus.FORBIDDEN.value());
					}
				}));
		return http.build();
	}

	/**
	 * The API chain's requests: the API, the actuator, the OpenAPI description and UI — by the decoded path, as MVC
	 * dispatches them — and {@code /error}, except when a screen's request was forwarded there: that one keeps the
	 * screens' chain, so its error page knows who is signed in.
	 */
	static boolean isApiRequest(HttpServletRequest request) {
		String path = PATHS.getPathWithinApplication(request);
		if (path.equals("/error")) {
			Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			return request.getDispatcherType() != DispatcherType.ERROR || !(original instanceof String uri)
					|| isApiPath(uri.substring(Math.min(uri.length(), request.getContextPath().length())));
		}
		return isApiPath(path);
	}

	private static boolean isApiPath(String path) {
		return path.equals("/api") || path.startsWith("/api/") || path.equals("/actuator") || path.startsWith("/actuator/")
				|| path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/") || path.equals("/v3/api-docs.yaml")
				|| path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/");
	}

	private static String reason(AuthenticationException ex) {
		return ex instanceof LockedException ? "locked" : ex instanceof DisabledException ? "disabled" : "bad";
	}

	private static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

	private static boolean isAnonymous() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || auth instanceof AnonymousAuthenticationToken;
	}

	private static void unauthenticated(HttpServletResponse res, JsonMapper json, AuthenticationException ex)
			throws IOException {
		res.setHeader("WWW-Authenticate", "Basic realm=\"hcp\", charset=\"UTF-8\"");
		if (ex instanceof LockedException) {
			write(res, json, HttpStatus.UNAUTHORIZED, "ACCOUNT_LOCKED",
					Bilingual.of("密码错误次数过多，账号已暂时锁定，请稍后再试", "Too many wrong passwords: the account is locked for a while"));
		}
		else if (ex instanceof DisabledException) {
			write(res, json, HttpStatus.UNAUTHORIZED, "ACCOUNT_DISABLED", Bilingual.of("账号已停用", "The account is disabled"));
		}
		else {
			write(res, json, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
					Bilingual.of("需要有效的 X-Api-Key 请求头，或人员账号的 HTTP Basic 登录名和密码",
							"A valid X-Api-Key header is required, or a person's login and password by HTTP Basic"));
		}
	}

	private static void forbidden(HttpServletResponse res, JsonMapper json) throws IOException {
		write(res, json, HttpStatus.FORBIDDEN, "FORBIDDEN",
				Bilingual.of("本账号无权访问此资源", "This account may not access this resource"));
	}

	private static void write(HttpServletResponse res, JsonMapper json, HttpStatus status, String code, Bilingual text)
			throws IOException {
		res.setStatus(status.value());
		res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		res.setCharacterEncoding("UTF-8");
		json.writeValue(res.getOutputStream(), Problems.detail(status, code, text, List.of()));
	}
}
