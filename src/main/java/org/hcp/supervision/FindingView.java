package org.hcp.supervision;

import java.time.Instant;
import java.time.LocalDate;

import org.hcp.rectification.WorkOrderSource;

/** A 监督查评 finding or 综合点评 comment as the API shows it, with the work order a problem opened. */
record FindingView(long id, WorkOrderSource source, FindingKind kind, String regionCode, String departmentCode,
		String institutionCode, String windowCode, String staffNo, String itemCode, LocalDate observedOn,
		String description, boolean problem, Long workOrderId, String recordedBy, String recordedRole,
		Instant recordedAt) {
}
