package org.hcp.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.hcp.shared.RegionCode;
import org.junit.jupiter.api.Test;

/** The case's state moves only forward and only through its methods. */
class CaseTest {

	private static final Instant ACCEPTED = Instant.parse("2026-11-02T01:00:00Z");
	private static final RegionCode REGION = new RegionCode("980101000000");

	private static Case aCase(CaseStatus status, Integer... serviceNos) {
		return new Case(7, "C-1", REGION, "ITEM1", ACCEPTED, NewCase.Source.API, 3, Set.of(serviceNos), status,
				status == CaseStatus.COMPLETED ? ACCEPTED.plusSeconds(600) : null);
	}

	private static NewCase.NewServiceEvent visit(int no) {
		return new NewCase.NewServiceEvent(no, "现场服务", ACCEPTED.plusSeconds(60L * no), null, null);
	}

	private static NewCase report(int serviceNo, CaseStatus status, String item) {
		return new NewCase("C-1", null, item, null, "D", REGION, CaseType.PROMISED, ApplyChannel.WINDOW, status, null,
				ACCEPTED, status == CaseStatus.COMPLETED ? ACCEPTED.plusSeconds(3600) : null, null, null,
				NewCase.Source.EXCHANGE, List.of(visit(serviceNo)));
	}

	@Test
	void a_visit_moves_an_accepted_case_in_progress() {
		Case c = aCase(CaseStatus.ACCEPTED, 1);
		c.recordVisit(visit(2));
		assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(c.addedEvents()).extracting(NewCase.NewServiceEvent::serviceNo).containsExactly(2);
		assertThat(c.completion()).isEmpty();
	}

	@Test
	void a_visit_to_a_completed_case_is_refused() {
		Case c = aCase(CaseStatus.COMPLETED, 1);
		assertThatThrownBy(() -> c.recordVisit(visit(2))).isInstanceOfSatisfying(CaseStateException.class,
				e -> assertThat(e.code()).isEqualTo("CASE_COMPLETED"));
		assertThat(c.isChanged()).isFalse();
	}

	@Test
	void a_visit_under_a_number_already_used_is_refused() {
		Case c = aCase(CaseStatus.IN_PROGRESS, 1, 2);
		assertThatThrownBy(() -> c.recordVisit(visit(2))).isInstanceOfSatisfying(CaseStateException.class,
				e -> assertThat(e.code()).isEqualTo("DUPLICATE_SERVICE"));
		assertThat(c.isChanged()).isFalse();
	}

	@Test
	void completing_registers_case_completed_once() {
		Case c = aCase(CaseStatus.IN_PROGRESS, 1);
		c.complete(ACCEPTED.plusSeconds(3600));
		assertThat(c.status()).isEqualTo(CaseStatus.COMPLETED);
		assertThat(c.completion()).hasValueSatisfying(e -> assertThat(e.caseId()).isEqualTo(7));
		assertThatThrownBy(() -> c.complete(ACCEPTED.plusSeconds(7200))).isInstanceOf(CaseStateException.class);
	}

	@Test
	void a_case_cannot_be_completed_before_it_was_accepted() {
		Case c = aCase(CaseStatus.ACCEPTED, 1);
		assertThatThrownBy(() -> c.complete(ACCEPTED.minusSeconds(1))).isInstanceOfSatisfying(CaseStateException.class,
				e -> assertThat(e.code()).isEqualTo("COMPLETED_BEFORE_ACCEPTED"));
		assertThat(c.status()).isEqualTo(CaseStatus.ACCEPTED);
	}

	@Test
	void a_late_report_of_an_earlier_visit_is_added_to_a_completed_case_without_moving_it_back() {
		Case c = aCase(CaseStatus.COMPLETED, 2);
		assertThat(c.acceptReport(report(1, CaseStatus.ACCEPTED, "ITEM1"))).isTrue();
		assertThat(c.status()).isEqualTo(CaseStatus.COMPLETED);
		assertThat(c.completion()).isEmpty();
	}

	@Test
	void a_report_completing_the_case_registers_case_completed() {
		Case c = aCase(CaseStatus.ACCEPTED, 1);
		assertThat(c.acceptReport(report(2, CaseStatus.COMPLETED, "ITEM1"))).isTrue();
		assertThat(c.status()).isEqualTo(CaseStatus.COMPLETED);
		assertThat(c.completion()).isPresent();
	}

	@Test
	void a_reported_service_number_already_recorded_changes_nothing() {
		Case c = aCase(CaseStatus.ACCEPTED, 1);
		assertThat(c.acceptReport(report(1, CaseStatus.COMPLETED, "ITEM1"))).isFalse();
		assertThat(c.isChanged()).isFalse();
		assertThat(c.status()).isEqualTo(CaseStatus.ACCEPTED);
	}

	@Test
	void a_report_naming_another_item_is_refused() {
		Case c = aCase(CaseStatus.ACCEPTED, 1);
		assertThatThrownBy(() -> c.acceptReport(report(2, CaseStatus.IN_PROGRESS, "OTHER")))
			.isInstanceOfSatisfying(CaseStateException.class, e -> assertThat(e.code()).isEqualTo("CASE_MISMATCH"));
		assertThat(c.isChanged()).isFalse();
	}
}
