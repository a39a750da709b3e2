package org.hcp.supervision;

import org.hcp.security.RegionScope;
import org.hcp.shared.RegionCode;

/** The region filter of a list: the one named (which must lie in the caller's scope), else the caller's scope. */
final class ScopedRegion {

	private ScopedRegion() {
	}

	/** The prefix every listed row's region starts with; "" for everywhere. 403 for a region outside the scope. */
	static String prefix(String regionCode) {
		RegionScope scope = RegionScope.current();
		if (regionCode != null && !regionCode.isBlank()) {
			RegionCode region = RegionCode.parse("regionCode", regionCode);
			scope.require("regionCode", region);
			return region.prefix();
		}
		return scope.region().map(RegionCode::prefix).orElse("");
	}
}
