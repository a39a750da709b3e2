package org.hcp.cases;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.hcp.shared.RegionCode;

/** A case as other modules see it: no personal data but the masked name and keyed hashes. */
public record CaseView(long id, String caseNo, String title, String itemCode, String itemName, String departmentCode,
		RegionCode region, CaseType caseType, ApplyChannel applyChannel, CaseStatus status, Instant acceptedAt,
		Instant completedAt, String batchNo, String chainNo, int applicantType, String maskedApplicantName,
		byte[] applicantMobileHash, byte[] applicantCertHash, NewCase.Source source, List<ServiceEventView> events) {

	public boolean isCompleted() {
		return status == CaseStatus.COMPLETED;
	}

	public Optional<ServiceEventView> event(int serviceNo) {
		return events.stream().filter(e -> e.serviceNo() == serviceNo).findFirst();
	}

	/** The latest service event, the one rated when a rater names none. */
	public Optional<ServiceEventView> lastEvent() {
		return events.stream().max(Comparator.comparingInt(ServiceEventView::serviceNo));
	}
}
