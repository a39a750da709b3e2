package org.hcp.security;

import java.util.Optional;

import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated system behind a request, and the region its data is limited to (null region = everywhere).
 */
public record Caller(long keyId, String name, Role role, RegionCode region) {

	public static Optional<Caller> current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof Caller caller ? Optional.of(caller) : Optional.empty();
	}

	/** Refuses data outside the caller's region with a 403 naming the field. */
	public void requireScope(String field, RegionCode code) {
		if (region != null && code != null && !region.contains(code)) {
			throw new HcpException(org.springframework.http.HttpStatus.FORBIDDEN, "OUT_OF_SCOPE",
					org.hcp.shared.Bilingual.of(field + " 不在本账号的行政区划范围内", field + " is outside this account's region"),
					java.util.List.of(org.hcp.shared.FieldProblem.of(field, "超出数据范围 " + region, "outside region " + region)));
		}
	}
}
