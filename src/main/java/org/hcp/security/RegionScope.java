package org.hcp.security;

import java.util.List;
import java.util.Optional;

import org.hcp.shared.Bilingual;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.http.HttpStatus;

/**
 * The regions whose data the current work may touch (数据范围). Read from the authentication of the request: a key
 * limited to a region (a PLATFORM or SMS_GATEWAY key of a lower platform) sees that region and the regions inside it;
 * an admin key, and work without a caller (jobs, event listeners), sees everywhere. Module façades apply it where
 * region-bearing data enters or leaves (see ADR 0013), so an endpoint that goes through a façade cannot skip it.
 */
public final class RegionScope {

	private static final RegionScope EVERYWHERE = new RegionScope(null);

	private final RegionCode region;

	private RegionScope(RegionCode region) {
		this.region = region;
	}

	/** The scope of the current authentication; everywhere without one. */
	public static RegionScope current() {
		return Caller.current().filter(c -> c.role() != Role.ADMIN).map(Caller::region).map(RegionScope::new)
			.orElse(EVERYWHERE);
	}

	public static RegionScope everywhere() {
		return EVERYWHERE;
	}

	public static RegionScope limitedTo(RegionCode region) {
		return new RegionScope(region);
	}

	/** The region this scope is limited to; empty for everywhere. */
	public Optional<RegionCode> region() {
		return Optional.ofNullable(region);
	}

	/** True when data of this region may be touched; data without a region is not regional. */
	public boolean covers(RegionCode code) {
		return region == null || code == null || region.contains(code);
	}

	/** Refuses data outside this scope: 403 OUT_OF_SCOPE naming the field that carried it. */
	public void require(String field, RegionCode code) {
		if (!covers(code)) {
			throw refusal(field);
		}
	}

	/** The refusal of a value outside this scope, for set-based paths that answer each record on its own. */
	public HcpException refusal(String field) {
		return new HcpException(HttpStatus.FORBIDDEN, "OUT_OF_SCOPE",
				Bilingual.of(field + " 不在本账号的行政区划范围内", field + " is outside this account's region"),
				List.of(FieldProblem.of(field, "超出数据范围 " + region, "outside region " + region)));
	}

	@Override
	public String toString() {
		return region == null ? "everywhere" : "region " + region;
	}
}
