package org.hcp.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hcp.shared.RegionCode;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Set-based reporting announces every case it completes and this platform follows up, once, whether the case is new
 * or known; the completions of a lower platform's cases are not announced (it follows them up itself).
 */
class CaseReportingIT extends ServiceFixtures {

	@Autowired
	CaseRepository repository;
	@Autowired
	CaseRules rules;
	@Autowired
	Clock clock;
	@Autowired
	TransactionTemplate tx;

	private NewCase record(String caseNo, int serviceNo, CaseStatus status) {
		return record(caseNo, serviceNo, status, NewCase.Source.API);
	}

	private NewCase record(String caseNo, int serviceNo, CaseStatus status, NewCase.Source source) {
		Instant accepted = clock.instant().minus(Duration.ofHours(2));
		return new NewCase(caseNo, null, hall().item(), "事项", hall().department(), new RegionCode(hall().region()),
				CaseType.PROMISED, ApplyChannel.WINDOW, status, new Applicant(1, "张三", "111", null, null), accepted,
				status == CaseStatus.COMPLETED ? accepted.plus(Duration.ofHours(1)) : null, null, null,
				source, List.of(new NewCase.NewServiceEvent(serviceNo, "服务", accepted, null, null)));
	}

	@Test
	void each_case_completed_by_an_array_is_announced_exactly_once() {
		List<Object> published = new ArrayList<>();
		CaseReporting reporting = new CaseReporting(repository, rules, published::add, clock);
		String completedNew = unique("R");
		String completedLater = unique("R");
		String open = unique("R");
		List<ReportOutcome> outcomes = tx.execute(s -> reporting.reportAll(List.of(record(completedNew, 1, CaseStatus.COMPLETED),
				record(completedLater, 1, CaseStatus.ACCEPTED), record(open, 1, CaseStatus.IN_PROGRESS),
				record(completedLater, 2, CaseStatus.COMPLETED), record(completedLater, 3, CaseStatus.COMPLETED))));
		assertThat(outcomes).extracting(ReportOutcome::kind).containsOnly(ReportOutcome.Kind.ACCEPTED);
		assertThat(published).map(e -> ((CaseCompleted) e).caseNo()).containsExactlyInAnyOrder(completedNew, completedLater);
	}

	@Test
	void completions_of_exchange_cases_are_not_announced_but_still_stored() {
		List<Object> published = new ArrayList<>();
		CaseReporting reporting = new CaseReporting(repository, rules, published::add, clock);
		String completedNew = unique("R");
		String completedLater = unique("R");
		List<ReportOutcome> outcomes = tx.execute(s -> reporting.reportAll(List.of(
				record(completedNew, 1, CaseStatus.COMPLETED, NewCase.Source.EXCHANGE),
				record(completedLater, 1, CaseStatus.ACCEPTED, NewCase.Source.EXCHANGE))));
		List<ReportOutcome> later = tx.execute(s -> reporting.reportAll(List.of(
				record(completedLater, 2, CaseStatus.COMPLETED, NewCase.Source.EXCHANGE))));
		assertThat(outcomes).extracting(ReportOutcome::kind).containsOnly(ReportOutcome.Kind.ACCEPTED);
		assertThat(later).extracting(ReportOutcome::kind).containsOnly(ReportOutcome.Kind.ACCEPTED);
		assertThat(published).isEmpty();
		assertThat(repository.find(completedNew).orElseThrow().status()).isEqualTo(CaseStatus.COMPLETED);
		assertThat(repository.find(completedLater).orElseThrow().status()).isEqualTo(CaseStatus.COMPLETED);
	}
}
