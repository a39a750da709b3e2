package org.hcp.cases;

import java.time.Instant;

import org.hcp.shared.RegionCode;

/** A completed case as a sample population sees it: who handled what, where and when; the applicant only masked. */
public record CompletedCase(long id, String caseNo, String itemCode, String departmentCode, RegionCode region,
		Instant completedAt, String maskedApplicantName) {
}
