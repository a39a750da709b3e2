package org.hcp.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.security.RegionScope;
import org.hcp.shared.HcpException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service records reported by lower platforms, set-based: every record is checked in memory, then all new cases are
 * inserted with one statement and their events with another, then the records of cases that already existed (or
 * appear twice in the array) go through the {@link Case} aggregate and are saved with one version-compared update
 * and one insert. Runs in the caller's transaction; a lost race throws {@link StaleCase} for the caller to retry.
 * A record of a region outside the caller's {@link RegionScope} is refused on its own (OUT_OF_SCOPE, areaCode).
 */
@Component
class CaseReporting {

	private final CaseRepository repository;
	private final CaseRules rules;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CaseReporting(CaseRepository repository, CaseRules rules, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	List<ReportOutcome> reportAll(List<NewCase> records) {
		ReportOutcome[] outcomes = new ReportOutcome[records.size()];
		Map<String, Integer> firsts = new LinkedHashMap<>();
		RegionScope scope = RegionScope.current();
		for (int i = 0; i < records.size(); i++) {
			try {
				scope.require("areaCode", records.get(i).region());
				rules.check(records.get(i));
				firsts.putIfAbsent(records.get(i).caseNo(), i);
			}
			catch (HcpException e) {
				outcomes[i] = ReportOutcome.refused(e);
			}
		}
		insertNewCases(records, firsts, outcomes);
		reportToKnownCases(records, outcomes);
		return List.of(outcomes);
	}

	private void insertNewCases(List<NewCase> records, Map<String, Integer> firsts, ReportOutcome[] outcomes) {
		if (firsts.isEmpty()) {
			return;
		}
		List<NewCase> candidates = firsts.values().stream().map(records::get).toList();
		Map<String, Long> inserted = repository.insertAll(candidates, clock.instant());
		List<Long> ids = new ArrayList<>();
		List<NewCase.NewServiceEvent> newEvents = new ArrayList<>();
		for (NewCase c : candidates) {
			Long id = inserted.get(c.caseNo());
			if (id == null) {
				continue;
			}
			outcomes[firsts.get(c.caseNo())] = ReportOutcome.ACCEPTED;
			c.events().forEach(e -> {
				ids.add(id);
				newEvents.add(e);
			});
			if (c.status() == CaseStatus.COMPLETED && CaseCompleted.announced(c.source())) {
				events.publishEvent(new CaseCompleted(id, c.caseNo(), c.completedAt(), c.source()));
			}
		}
		repository.insertEvents(ids, newEvents);
	}

	/** Records not answered yet name a case that exists now: applied in array order, saved together. */
	private void reportToKnownCases(List<NewCase> records, ReportOutcome[] outcomes) {
		List<String> caseNos = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			if (outcomes[i] == null) {
				caseNos.add(records.get(i).caseNo());
			}
		}
		if (caseNos.isEmpty()) {
			return;
		}
		Map<String, Case> known = new HashMap<>();
		repository.loadAll(caseNos).forEach(c -> known.put(c.caseNo(), c));
		for (int i = 0; i < records.size(); i++) {
			if (outcomes[i] == null) {
				outcomes[i] = apply(known.get(records.get(i).caseNo()), records.get(i));
			}
		}
		repository.saveAll(List.copyOf(known.values()));
		known.values().forEach(c -> c.completion().ifPresent(events::publishEvent));
	}

	private static ReportOutcome apply(Case known, NewCase record) {
		if (known == null) {
			throw new StaleCase(record.caseNo());
		}
		try {
			return known.acceptReport(record) ? ReportOutcome.ACCEPTED : ReportOutcome.DUPLICATE;
		}
		catch (CaseStateException e) {
			return ReportOutcome.refused(e);
		}
	}
}
