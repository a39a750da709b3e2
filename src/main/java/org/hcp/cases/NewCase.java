package org.hcp.cases;

import java.time.Instant;
import java.util.List;

import org.hcp.shared.RegionCode;

/** A case as reported, with the service events reported with it. Checked by {@link Cases} before storing. */
public record NewCase(String caseNo, String title, String itemCode, String itemName, String departmentCode,
		RegionCode region, CaseType caseType, ApplyChannel applyChannel, CaseStatus status, Applicant applicant,
		Instant acceptedAt, Instant completedAt, String batchNo, String chainNo, Source source,
		List<NewServiceEvent> events) {

	/** Where the case came from. */
	public enum Source {
		/** our REST API, from a business system */
		API,
		/** the national-style exchange, from a lower platform */
		EXCHANGE,
		/** demo data */
		DEMO
	}

	/** A service event as reported. */
	public record NewServiceEvent(int serviceNo, String name, Instant occurredAt, String staffNo, String windowCode) {
	}
}
