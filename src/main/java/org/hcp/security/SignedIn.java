package org.hcp.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person signed in to the current request, with the name to greet them by (for the screens' layout). */
public record SignedIn(Caller caller, String displayName) {

	public static Optional<SignedIn> current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof Caller caller) || !caller.isPerson()) {
			return Optional.empty();
		}
		String name = auth.getDetails() instanceof SignIn.Details details ? details.displayName() : caller.name();
		return Optional.of(new SignedIn(caller, name));
	}
}
