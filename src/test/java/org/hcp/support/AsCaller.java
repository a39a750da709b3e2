package org.hcp.support;

import java.util.function.Supplier;

import org.hcp.security.Caller;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work in the test's thread as a given caller — the real principal a request would carry — for tests that call a
 * module's façade directly.
 */
public final class AsCaller {

	private AsCaller() {
	}

	public static <T> T run(Caller caller, Supplier<T> work) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
				caller.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	public static void run(Caller caller, Runnable work) {
		run(caller, () -> {
			work.run();
			return null;
		});
	}
}
