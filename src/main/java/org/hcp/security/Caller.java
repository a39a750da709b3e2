package org.hcp.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.hcp.shared.Bilingual;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is behind a request: a system with an API key ({@code keyId}) or a person with an account ({@code userId}),
 * their roles, and what their data is limited to — a region (null = everywhere), and for department handlers their
 * department, for window staff their staff number. Who did something is read from here; what they may see is
 * {@link RegionScope}.
 */
public record Caller(Long keyId, Long userId, String name, Set<Role> roles, RegionCode region, String departmentCode,
		String staffNo) {

	public Caller {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	/** A system authenticated by an API key. */
	public static Caller apiKey(long keyId, String name, Role role, RegionCode region) {
		return new Caller(keyId, null, name, Set.of(role), region, null, null);
	}

	/** A person signed in with an account. */
	public static Caller person(long userId, String login, Set<Role> roles, RegionCode region, String departmentCode,
			String staffNo) {
		return new Caller(null, userId, login, roles, region, departmentCode, staffNo);
	}

	/**
	 * A registered peer platform 下级平台 pushing in the national envelope: authenticated by its envelope's signature
	 * rather than a key, a platform limited to its region.
	 */
	public static Caller peerPlatform(String appId, RegionCode region) {
		return new Caller(null, null, "peer:" + appId, Set.of(Role.PLATFORM), region, null, null);
	}

	/**
	 * Does the work as this caller — its roles and {@link RegionScope} — in the current thread, then restores who was
	 * there before: for a request authenticated by its body (the national envelope) rather than by a header.
	 */
	public <T> T run(Supplier<T> work) {
		SecurityContext before = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(this, null, roles.stream()
				.map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
				.toList()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(before);
		}
	}

	public static Optional<Caller> current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof Caller caller ? Optional.of(caller) : Optional.empty();
	}

	/**
	 * Refuses the current work unless its caller holds one of these roles (work without a caller — jobs and event
	 * listeners — passes): 403 ROLE_REQUIRED naming the roles. Façades call it before a step that only some people
	 * may take; the URL rules of the security chain only let people in.
	 */
	public static void requireAny(Role... allowed) {
		Optional<Caller> caller = current();
		if (caller.isEmpty() || caller.get().has(Role.ADMIN)) {
			return;
		}
		for (Role role : allowed) {
			if (caller.get().has(role)) {
				return;
			}
		}
		String names = Arrays.toString(allowed);
		throw new HcpException(HttpStatus.FORBIDDEN, "ROLE_REQUIRED",
				Bilingual.of("此操作需要以下角色之一：" + names, "This step needs one of the roles " + names),
				List.of());
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isPerson() {
		return userId != null;
	}

	/** The role named first in {@link Role}'s order, for records that keep one role (audit: who, role). */
	public Role mainRole() {
		return roles.isEmpty() ? null : EnumSet.copyOf(roles).iterator().next();
	}
}
