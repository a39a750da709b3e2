package org.hcp.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.hcp.shared.RegionCode;

/**
 * A stored case 办件 as an aggregate: its state changes only through {@link #recordVisit}, {@link #complete} and
 * {@link #acceptReport}, each of which checks the current state first. It remembers the version it was loaded at;
 * {@link CaseRepository#save} stores it only if nobody else changed it meanwhile.
 */
final class Case {

	private final long id;
	private final String caseNo;
	private final RegionCode region;
	private final String itemCode;
	private final Instant acceptedAt;
	private final NewCase.Source source;
	private final int version;
	private final Set<Integer> serviceNos;
	private CaseStatus status;
	private Instant completedAt;
	private final List<NewCase.NewServiceEvent> added = new ArrayList<>();
	private boolean completedNow;
	private CaseCompleted completion;

	Case(long id, String caseNo, RegionCode region, String itemCode, Instant acceptedAt, NewCase.Source source,
			int version, Set<Integer> serviceNos, CaseStatus status, Instant completedAt) {
		this.id = id;
		this.caseNo = caseNo;
		this.region = region;
		this.itemCode = itemCode;
		this.acceptedAt = acceptedAt;
		this.source = source;
		this.version = version;
		this.serviceNos = new TreeSet<>(serviceNos);
		this.status = status;
		this.completedAt = completedAt;
	}

	RegionCode region() {
		return region;
	}

	/** A visit reported through our API: only to a case not yet completed, under a number not yet used. */
	void recordVisit(NewCase.NewServiceEvent visit) {
		if (status == CaseStatus.COMPLETED) {
			throw new CaseStateException("caseNo", "CASE_COMPLETED", "办件已办结，不能再添加服务：" + caseNo,
					"Case " + caseNo + " is completed; no further visits can be added");
		}
		requireNewNumber(visit);
		add(visit);
		moveTo(CaseStatus.IN_PROGRESS);
	}

	/** 办结: only once, and not before the case was accepted. */
	void complete(Instant at) {
		if (status == CaseStatus.COMPLETED) {
			throw new CaseStateException("completedAt", "CASE_COMPLETED", "办件已办结：" + caseNo, "Case " + caseNo + " is already completed");
		}
		if (at.isBefore(acceptedAt)) {
			throw new CaseStateException("completedAt", "COMPLETED_BEFORE_ACCEPTED", "办结时间不能早于受理时间",
					"completedAt cannot be before acceptedAt");
		}
		completedAt = at;
		moveTo(CaseStatus.COMPLETED);
		completedNow = true;
		completion = CaseCompleted.announced(source) ? new CaseCompleted(id, caseNo, at, source) : null;
	}

	/**
	 * A lower platform's service record for this case. Records arrive out of order, so a late record of an earlier
	 * visit is still added after 办结, and the reported status only ever moves the case forward. Refused when the
	 * record names another region or item; false (nothing changed) when its service number is already recorded.
	 */
	boolean acceptReport(NewCase record) {
		if (!region.equals(record.region()) || !itemCode.equals(record.itemCode())) {
			String field = region.equals(record.region()) ? "taskCode" : "areaCode";
			throw new CaseStateException(field, "CASE_MISMATCH", "办件 " + caseNo + " 已以不同的行政区划或事项登记",
					"Case " + caseNo + " is registered with another region or service item");
		}
		boolean completes = record.status() == CaseStatus.COMPLETED && status != CaseStatus.COMPLETED;
		if (completes && record.completedAt().isBefore(acceptedAt)) {
			throw new CaseStateException("resultDate", "COMPLETED_BEFORE_ACCEPTED", "办结时间不能早于受理时间",
					"the completion cannot be before the case was accepted");
		}
		if (record.events().stream().anyMatch(e -> serviceNos.contains(e.serviceNo()))) {
			return false;
		}
		record.events().forEach(this::add);
		if (completes) {
			complete(record.completedAt());
		}
		else if (status.isBefore(record.status())) {
			moveTo(record.status());
		}
		return true;
	}

	private void requireNewNumber(NewCase.NewServiceEvent visit) {
		if (serviceNos.contains(visit.serviceNo())) {
			throw new CaseStateException("serviceNo", "DUPLICATE_SERVICE", "该服务序号已存在：" + visit.serviceNo(),
					"Service event " + visit.serviceNo() + " already exists");
		}
	}

	private void add(NewCase.NewServiceEvent event) {
		serviceNos.add(event.serviceNo());
		added.add(event);
	}

	private void moveTo(CaseStatus next) {
		if (status.isBefore(next)) {
			status = next;
		}
	}

	boolean isChanged() {
		return !added.isEmpty() || completedNow;
	}

	/** The {@link CaseCompleted} event when this change completed the case and its completion is announced. */
	Optional<CaseCompleted> completion() {
		return Optional.ofNullable(completion);
	}

	long id() {
		return id;
	}

	String caseNo() {
		return caseNo;
	}

	Instant acceptedAt() {
		return acceptedAt;
	}

	int version() {
		return version;
	}

	CaseStatus status() {
		return status;
	}

	Instant completedAt() {
		return completedAt;
	}

	List<NewCase.NewServiceEvent> addedEvents() {
		return List.copyOf(added);
	}
}
