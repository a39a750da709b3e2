package org.hcp.security;

import java.util.Optional;

import org.hcp.shared.RegionCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated system behind a request, and the region its data is limited to (null region = everywhere). Who
 * submitted something is read from here; what it may see is {@link RegionScope}.
 */
public record Caller(long keyId, String name, Role role, RegionCode region) {

	public static Optional<Caller> current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof Caller caller ? Optional.of(caller) : Optional.empty();
	}
}
