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
		long id = repository.insert(c, clock.instant());
		if (id < 0) {
			throw HcpException.conflict("caseNo", "DUPLICATE_CASE", "办件编号已存在：" + c.caseNo(),
					"Case " + c.caseNo() + " already exists");
		}
		c.events().forEach(e -> repository.insertEvent(id, e));
		if (c.status() == CaseStatus.COMPLETED) {
			events.publishEvent(new CaseCompleted(id, c.caseNo(), c.completedAt()));
		}
		return find(c.caseNo()).orElseThrow();
	}

	/**
	 * Records one reported service event (the exchange's service record): creates the case on its first record,
	 * otherwise adds the event and moves the status forward. False when that service event was already recorded.
	 */
	@Transactional
	public boolean report(NewCase c) {
		rules.check(c);
		Optional<CaseView> existing = repository.find(c.caseNo());
		if (existing.isEmpty()) {
			open(c);
			return true;
		}
		CaseView known = existing.get();
		for (NewCase.NewServiceEvent e : c.events()) {
			if (!repository.insertEvent(known.id(), e)) {
				return false;
			}
		}
		if (repository.advance(known.id(), c.status(), c.completedAt())) {
			events.publishEvent(new CaseCompleted(known.id(), c.caseNo(), c.completedAt()));
		}
		return true;
	}

	/** Adds a service event (a visit) to a known case, and completes it when {@code completes} is set. */
	@Transactional
	public CaseView addService(String caseNo, NewCase.NewServiceEvent event, java.time.Instant completedAt) {
		CaseView known = require(caseNo);
		rules.checkEvent("serviceNo", event, known.acceptedAt());
		if (!repository.insertEvent(known.id(), event)) {
			throw HcpException.conflict("serviceNo", "DUPLICATE_SERVICE", "该服务序号已存在：" + event.serviceNo(),
					"Service event " + event.serviceNo() + " already exists");
		}
		CaseStatus status = completedAt == null ? CaseStatus.IN_PROGRESS : CaseStatus.COMPLETED;
		if (repository.advance(known.id(), status, completedAt)) {
			events.publishEvent(new CaseCompleted(known.id(), caseNo, completedAt));
		}
		return find(caseNo).orElseThrow();
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

	/** Every case filed in the same batch 批量业务. */
	public List<CaseView> inBatch(String batchNo) {
		return repository.where("batch_no", batchNo);
	}

	/** Every case of the same theme chain 主题式/一链办. */
	public List<CaseView> inChain(String chainNo) {
		return repository.where("chain_no", chainNo);
	}

	/** The applicant's mobile, decrypted, for sending an SMS; never for display. */
	public Optional<Mobile> applicantMobile(long caseId) {
		return repository.applicantMobile(caseId);
	}
}
