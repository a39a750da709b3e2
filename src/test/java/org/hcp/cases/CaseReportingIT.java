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

/** Set-based reporting announces every case it completes, once, whether the case is new or known. */
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
		Instant accepted = clock.instant().minus(Duration.ofHours(2));
		return new NewCase(caseNo, null, hall().item(), "事项", hall().department(), new RegionCode(hall().region()),
				CaseType.PROMISED, ApplyChannel.WINDOW, status, new Applicant(1, "张三", "111", null, null), accepted,
				status == CaseStatus.COMPLETED ? accepted.plus(Duration.ofHours(1)) : null, null, null,
				NewCase.Source.EXCHANGE, List.of(new NewCase.NewServiceEvent(serviceNo, "服务", accepted, null, null)));
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
}
