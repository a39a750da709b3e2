package org.hcp.cases;

import java.util.Map;

import org.hcp.security.RegionScope;

/**
 * Cases looked up set-based under one {@link RegionScope}: each number answers on its own — a case, unknown, or
 * refused as outside the caller's region — so one record of another region refuses that record, not the array.
 */
public final class FoundCases {

	private final Map<String, CaseView> found;
	private final RegionScope scope;

	FoundCases(Map<String, CaseView> found, RegionScope scope) {
		this.found = found;
		this.scope = scope;
	}

	/** The case of this number, or null when there is none; 403 OUT_OF_SCOPE naming the field for another region's. */
	public CaseView get(String field, String caseNo) {
		CaseView c = found.get(caseNo);
		if (c != null) {
			scope.require(field, c.region());
		}
		return c;
	}
}
