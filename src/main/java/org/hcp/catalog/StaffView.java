package org.hcp.catalog;

/**
 * A staff member 工作人员 as other modules see them: the personal identifiers only as keyed hashes
 * (for the self-rating check), the name only masked.
 */
public record StaffView(String staffNo, String maskedName, String institutionCode, String windowCode,
		String departmentCode, byte[] mobileHash, byte[] idNumberHash, boolean active) {
}
