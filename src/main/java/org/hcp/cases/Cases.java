package org.hcp.cases;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hcp.privacy.Mobile;
import org.hcp.shared.HcpException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cases façade: registers cases and service events, and answers questions about them. */
@Service
public class Cases {

	private final CaseRepository repository;
	private final CaseRules rules;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Cases(CaseRepository repository, CaseRules rules, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
	}

	/** Registers a new case with its service events; a case number already known is a 409. */
	@Transactional
	public CaseView open(NewCase c) {
		rules.check(c);
		if (!insert(c)) {
			throw HcpException.conflict("caseNo", "DUPLICATE_CASE", "办件编号已存在：" + c.caseNo(),
					"Case " + c.caseNo() + " already exists");
		}
		return require(c.caseNo());
	}

	/**
	 * Records one reported service event (the exchange's service record): creates the case on its first record,
	 * otherwise adds the event and moves the status forward. False when that service event was already recorded.
	 * Two first records of one case arriving at once both succeed: the slower one finds the case and adds to it.
	 */
	@Transactional
	public boolean report(NewCase c) {
		rules.check(c);
		if (insert(c)) {
			return true;
		}
		CaseView known = require(c.caseNo());
		if (!known.region().equals(c.region()) || !known.itemCode().equals(c.itemCode())) {
			String field = known.region().equals(c.region()) ? "taskCode" : "areaCode";
			throw HcpException.conflict(field, "CASE_MISMATCH", "办件 " + c.caseNo() + " 已以不同的行政区划或事项登记",
					"Case " + c.caseNo() + " is registered with another region or service item");
		}
		for (NewCase.NewServiceEvent e : c.events()) {
			if (!repository.insertEvent(known.id(), e)) {
				return false;
			}
		}
		if (repository.advance(known.id(), c.status(), c.completedAt())) {
			events.publishEvent(new CaseCompleted(known.id(), c.caseNo(), c.completedAt(), known.source()));
		}
		return true;
	}

	/** Adds a service event (a visit) to a known case, and completes it when {@code completedAt} is given. */
	@Transactional
	public CaseView addService(String caseNo, NewCase.NewServiceEvent event, java.time.Instant completedAt) {
		CaseView known = require(caseNo);
		rules.checkVisit(event, completedAt, known.acceptedAt());
		if (!repository.insertEvent(known.id(), event)) {
			throw HcpException.conflict("serviceNo", "DUPLICATE_SERVICE", "该服务序号已存在：" + event.serviceNo(),
					"Service event " + event.serviceNo() + " already exists");
		}
		CaseStatus status = completedAt == null ? CaseStatus.IN_PROGRESS : CaseStatus.COMPLETED;
		if (repository.advance(known.id(), status, completedAt)) {
			events.publishEvent(new CaseCompleted(known.id(), caseNo, completedAt, known.source()));
		}
		return require(caseNo);
	}

	/** Inserts the case and its events; false when the case number exists (inserted concurrently or before). */
	private boolean insert(NewCase c) {
		long id = repository.insert(c, clock.instant());
		if (id < 0) {
			return false;
		}
		c.events().forEach(e -> repository.insertEvent(id, e));
		if (c.status() == CaseStatus.COMPLETED) {
			events.publishEvent(new CaseCompleted(id, c.caseNo(), c.completedAt(), c.source()));
		}
		return true;
	}

	public Optional<CaseView> find(String caseNo) {
		return repository.find(caseNo);
	}

	/** The case addressed by a path: 404 when it does not exist. */
	public CaseView require(String caseNo) {
		return find(caseNo).orElseThrow(() -> HcpException.notFound("caseNo", "UNKNOWN_CASE", "办件不存在：" + caseNo,
				"No case " + caseNo));
	}

	/** The case a request body refers to: 422 naming the field when it does not exist. */
	public CaseView requireReferenced(String field, String caseNo) {
		if (caseNo == null || caseNo.isBlank()) {
			throw HcpException.invalid(field, "REQUIRED", "办件编号不能为空", field + " is required");
		}
		return find(caseNo).orElseThrow(() -> HcpException.invalid(field, "UNKNOWN_CASE", "办件不存在：" + caseNo,
				"No case " + caseNo));
	}

	public Map<String, CaseView> findAll(Collection<String> caseNos) {
		return repository.findAll(caseNos);
	}

	/**
	 * Every case filed in one go with this one (批量业务): the same batch number, service item and region — a batch
	 * number alone may be reused by another business system.
	 */
	public List<CaseView> batchOf(CaseView c) {
		return c.batchNo() == null ? List.of(c) : repository.batchOf(c);
	}

	/** Every item of this case's theme chain 主题式/一链办 in its region. */
	public List<CaseView> chainOf(CaseView c) {
		return c.chainNo() == null ? List.of(c) : repository.chainOf(c);
	}

	/** The applicant's mobile, decrypted, for sending an SMS; never for display. */
	public Optional<Mobile> applicantMobile(long caseId) {
		return repository.applicantMobile(caseId);
	}
}
