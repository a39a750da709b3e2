package org.hcp.security;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A session of a person lasts only while their account is enabled and unchanged: at every request the account's
 * stamp is compared with the one the session signed in with (one look-up by primary key). A disabled account or a
 * reset password ends the session here, and the request goes on as anonymous (to the sign-in page).
 */
class SessionStillValid extends OncePerRequestFilter {

	private final AccountStore accounts;

	SessionStillValid(AccountStore accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof Caller caller && caller.isPerson()
				&& !(auth.getDetails() instanceof SignIn.Details details && accounts.stillValid(caller.userId(), details.stamp()))) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}

	/** Style sheets, scripts and images need no account. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.startsWith("/images/") || path.equals("/favicon.ico");
	}
}
