package org.hcp.cases;

import java.time.Instant;

import org.hcp.security.RegionScope;
import org.hcp.shared.HcpException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adding a visit 服务 to a known case through our API, possibly completing it. A lost race (another writer changed
 * the case meanwhile) is retried on the fresh state, where the rules are checked again — a visit is an addition, so
 * retrying is safe; if the other writer completed the case or used the number, the retry refuses it.
 */
@Service
class VisitRecording {

	static final int ATTEMPTS = 5;

	private final CaseRepository repository;
	private final CaseRules rules;
	private final CatalogReferences catalog;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;

	VisitRecording(CaseRepository repository, CaseRules rules, CatalogReferences catalog, ApplicationEventPublisher events,
			TransactionTemplate tx) {
		this.repository = repository;
		this.rules = rules;
		this.catalog = catalog;
		this.events = events;
		this.tx = tx;
	}

	CaseView addVisit(String caseNo, NewCase.NewServiceEvent visit, Instant completedAt) {
		var problems = catalog.problems("", visit);
		if (!problems.isEmpty()) {
			throw HcpException.invalid("INVALID_SERVICE", problems);
		}
		for (int attempt = 1;; attempt++) {
			try {
				return tx.execute(status -> once(caseNo, visit, completedAt));
			}
			catch (StaleCase e) {
				if (attempt == ATTEMPTS) {
					throw HcpException.conflict("caseNo", "CONCURRENT_UPDATE", "办件正被同时修改，请稍后重试",
							"The case is being changed concurrently; please retry");
				}
			}
		}
	}

	private CaseView once(String caseNo, NewCase.NewServiceEvent visit, Instant completedAt) {
		Case c = repository.load(caseNo).orElseThrow(() -> HcpException.notFound("caseNo", "UNKNOWN_CASE",
				"办件不存在：" + caseNo, "No case " + caseNo));
		RegionScope.current().require("caseNo", c.region());
		rules.checkVisit(visit, completedAt, c.acceptedAt());
		c.recordVisit(visit);
		if (completedAt != null) {
			c.complete(completedAt);
		}
		repository.save(c);
		c.completion().ifPresent(events::publishEvent);
		return repository.find(caseNo).orElseThrow();
	}
}
