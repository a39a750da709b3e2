package org.hcp.rectification;

import org.hcp.shared.RegionCode;

/**
 * A supervision finding or comprehensive comment marked as a problem, to be rectified on the same path as a bad
 * review (domain §9): what it is, where, who owns it, and what was found.
 */
public record FindingReference(WorkOrderSource source, long findingId, RegionCode regionCode, String departmentCode,
		String institutionCode, String windowCode, String staffNo, String itemCode, String summary) {
}
