package org.hcp.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hcp.security.RegionScope;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case registration 办件登记 through our API: a business system reports a new case with its service events. Every
 * rule and catalog reference is checked first, all problems together; a known case number is a 409. A case of a
 * region outside the caller's {@link RegionScope} is refused first, 403 naming regionCode.
 */
@Service
class CaseRegistration {

	private final CaseRepository repository;
	private final CaseRules rules;
	private final CatalogReferences catalog;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CaseRegistration(CaseRepository repository, CaseRules rules, CatalogReferences catalog,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.rules = rules;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	CaseView register(NewCase draft) {
		RegionScope.current().require("regionCode", draft.region());
		NewCase c = check(draft);
		Map<String, Long> inserted = repository.insertAll(List.of(c), clock.instant());
		Long id = inserted.get(c.caseNo());
		if (id == null) {
			throw HcpException.conflict("caseNo", "DUPLICATE_CASE", "办件编号已存在：" + c.caseNo(),
					"Case " + c.caseNo() + " already exists");
		}
		repository.insertEvents(c.events().stream().map(e -> id).toList(), c.events());
		if (c.status() == CaseStatus.COMPLETED && CaseCompleted.announced(c.source())) {
			events.publishEvent(new CaseCompleted(id, c.caseNo(), c.completedAt(), c.source()));
		}
		return repository.find(c.caseNo()).orElseThrow();
	}

	/** The status a new case starts in: 办结 when completed, 办理中 after a visit beyond acceptance, else 受理. */
	static CaseStatus initialStatus(boolean completed, int serviceEvents) {
		return completed ? CaseStatus.COMPLETED : serviceEvents > 1 ? CaseStatus.IN_PROGRESS : CaseStatus.ACCEPTED;
	}

	/** The case with its item's name and department filled in, once every rule and reference holds. */
	private NewCase check(NewCase draft) {
		List<FieldProblem> problems = new ArrayList<>(catalog.problems(draft));
		NewCase c = catalog.resolved(draft);
		try {
			rules.check(c);
		}
		catch (HcpException e) {
			problems.addAll(e.fields());
		}
		if (!problems.isEmpty()) {
			throw HcpException.invalid("INVALID_CASE", problems);
		}
		return c;
	}
}
