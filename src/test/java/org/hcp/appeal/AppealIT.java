package org.hcp.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.hcp.calendar.WorkingDays;
import org.hcp.jobs.JobRunner;
import org.hcp.privacy.PersonalData;
import org.hcp.privacy.PersonalData.LookupKind;
import org.hcp.rectification.WorkOrderState;
import org.hcp.rectification.WorkOrderView;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;
import org.hcp.support.AsCaller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The rules of an appeal 申诉复核 (domain §8), through the façade, on real work orders and the real database. */
@RecordApplicationEvents
class AppealIT extends AppealFixtures {

	@Autowired
	ApplicationEvents events;

	@Autowired
	PersonalData personal;

	@Autowired
	JobRunner jobs;

	@Test
	void an_appeal_on_the_third_working_day_is_accepted() {
		WorkOrderView order = dispatchedBadReview().order();
		long id = AsCaller.run(staff(), () -> filing.file(appealOf(order), onWorkingDay(order, 3)));
		assertThat(count("select count(*) from apl_appeal where id = :id and state = 'PENDING'", id)).isOne();
	}

	@Test
	void an_appeal_on_the_fourth_working_day_is_refused_with_the_reason_and_the_deadline() {
		WorkOrderView order = dispatchedBadReview().order();
		Instant fourth = onWorkingDay(order, 4);
		LocalDate third = calendar.plusWorkingDays(ChinaTime.dateOf(order.receivedAt()), WorkingDays.of(3));
		assertThatThrownBy(() -> AsCaller.run(staff(), () -> filing.file(appealOf(order), fourth)))
			.isInstanceOfSatisfying(HcpException.class, e -> {
				assertThat(e.status().value()).isEqualTo(422);
				assertThat(e.code()).isEqualTo("APPEAL_TOO_LATE");
				assertThat(e.text().zh()).contains(third.toString());
			});
		assertThat(count("select count(*) from apl_appeal where order_id = :id", order.id())).isZero();
		assertThat(order(order.id()).paused()).isFalse();
	}

	@Test
	void filing_pauses_the_order_and_is_audited() {
		WorkOrderView order = dispatchedBadReview().order();
		Caller staff = staff();
		long id = file(staff, order, new NewAppeal.Attachment("监控截图.png", PNG), new NewAppeal.Attachment("说明.pdf", PDF));
		assertThat(order(order.id()).paused()).isTrue();
		AppealView view = AsCaller.run(staff, () -> appeals.find(id));
		assertThat(view.state()).isEqualTo(AppealState.PENDING);
		assertThat(view.filedByRole()).isEqualTo("STAFF");
		assertThat(view.evidence()).extracting(AppealView.Evidence::contentType).containsExactly("image/png", "application/pdf");
		assertThat(view.audit()).singleElement().satisfies(step -> {
			assertThat(step.action()).isEqualTo("FILE");
			assertThat(step.actor()).isEqualTo(staff.name());
			assertThat(step.role()).isEqualTo("STAFF");
			assertThat(step.detail()).isEqualTo("评价人在窗口当场表示误点了一星");
		});
		assertThat(view.decideBy()).isEqualTo(calendar.deadline(view.filedAt(), WorkingDays.of(3)));
		assertThat(events.stream(AppealFiled.class).filter(e -> e.appealId() == id)).hasSize(1);
	}

	@Test
	void an_upheld_appeal_excludes_the_rating_and_closes_the_order() {
		WorkOrderView order = dispatchedBadReview().order();
		long id = file(department(), order);
		long evaluationId = order.evaluationIds().get(0);
		assertThat(count("select count(*) from evl_counted where id = :id", evaluationId)).isOne();

		Caller office = office();
		AppealView decided = AsCaller.run(office, () -> appeals.decide(id, new AppealDecision(AppealOutcome.MISTAKEN, "监控显示评价人误操作")));

		assertThat(decided.state()).isEqualTo(AppealState.UPHELD);
		assertThat(decided.decision().outcome()).isEqualTo(AppealOutcome.MISTAKEN);
		assertThat(decided.decision().decidedBy()).isEqualTo(office.name());
		assertThat(decided.audit()).extracting(AppealView.Step::action).containsExactly("FILE", "DECIDE");
		assertThat(count("select count(*) from evl_evaluation where id = :id", evaluationId)).as("kept").isOne();
		assertThat(count("select count(*) from evl_counted where id = :id", evaluationId)).as("not counted").isZero();
		assertThat(jdbc.sql("select decision_ref from evl_exclusion where evaluation_id = :id").param("id", evaluationId)
			.query(String.class).single()).isEqualTo("appeal-decision:" + decided.decision().id());
		assertThat(order(order.id()).state()).isEqualTo(WorkOrderState.CLOSED_BY_APPEAL);
		assertThat(count("select count(*) from apl_decision where appeal_id = :id and outcome = 'MISTAKEN'", id)).isOne();
		assertThat(count("select count(*) from apl_credit_record where appeal_id = :id", id)).as("no credit record").isZero();
		assertThat(events.stream(AppealDecided.class).filter(e -> e.appealId() == id)).singleElement().satisfies(e -> {
			assertThat(e.orderNo()).isEqualTo(order.orderNo());
			assertThat(e.evaluationIds()).containsExactly(evaluationId);
			assertThat(e.caseNos()).isEqualTo(order.caseNos());
			assertThat(e.regionCode()).isEqualTo(order.regionCode());
			assertThat(e.reason()).isEqualTo("监控显示评价人误操作");
			assertThat(e.late()).isFalse();
		});
	}

	@Test
	void a_malicious_decision_writes_a_credit_record_encrypted_and_masked() {
		Rated rated = dispatchedBadReview();
		long id = file(staff(), rated.order());
		AsCaller.run(office(), () -> appeals.decide(id, new AppealDecision(AppealOutcome.MALICIOUS, "评价人多次以差评要挟")));

		List<CreditRecordView> records = AsCaller.run(office(), () -> appeals.creditRecords(null, 0, 100));
		CreditRecordView record = records.stream().filter(r -> r.appealId() == id).findFirst().orElseThrow();
		assertThat(record.raterName()).isEqualTo("钱*");
		assertThat(record.raterMobile()).isEqualTo(rated.raterMobile().substring(0, 3) + "****" + rated.raterMobile().substring(7));
		assertThat(record.raterCertNo()).isNotEqualTo(rated.raterId()).doesNotContain("19800101");
		assertThat(record.evaluationIds()).isEqualTo(rated.order().evaluationIds());
		assertThat(record.orderNo()).isEqualTo(rated.order().orderNo());

		var row = jdbc.sql("select rater_name_enc, rater_mobile_enc, rater_mobile_hash, rater_cert_hash from apl_credit_record where appeal_id = :id")
			.param("id", id).query((rs, i) -> List.of(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4))).single();
		assertThat(new String(row.get(0), StandardCharsets.UTF_8)).doesNotContain("钱七");
		assertThat(new String(row.get(1), StandardCharsets.ISO_8859_1)).doesNotContain(rated.raterMobile());
		assertThat(personal.decrypt(row.get(1))).isEqualTo(rated.raterMobile());
		assertThat(row.get(2)).isEqualTo(personal.lookupHash(LookupKind.MOBILE, rated.raterMobile()));
		assertThat(row.get(3)).isEqualTo(personal.lookupHash(LookupKind.ID_NUMBER, rated.raterId()));
		assertThat(order(rated.order().id()).state()).isEqualTo(WorkOrderState.CLOSED_BY_APPEAL);
	}

	@Test
	void a_rejected_appeal_resumes_the_order_with_the_paused_days_added_back() {
		WorkOrderView order = dispatchedBadReview().order();
		Instant before = order.deadline();
		long id = file(staff(), order);
		Instant twoWorkingDaysLater = onWorkingDay(order, 2);
		AsCaller.run(office(), () -> deciding.decide(id, new AppealDecision(AppealOutcome.REJECTED, "证据不足"), twoWorkingDaysLater));

		WorkOrderView resumed = order(order.id());
		assertThat(resumed.paused()).isFalse();
		assertThat(resumed.state()).isEqualTo(WorkOrderState.DISPATCHED);
		LocalDate lastDay = ChinaTime.dateOf(before).minusDays(1);
		assertThat(resumed.deadline())
			.isEqualTo(ChinaTime.startOf(calendar.plusWorkingDays(lastDay, WorkingDays.of(2)).plusDays(1)));
		assertThat(count("select count(*) from evl_counted where id = :id", order.evaluationIds().get(0))).isOne();
		assertThat(count("select count(*) from apl_appeal where id = :id and state = 'REJECTED'", id)).isOne();
	}

	@Test
	void nobody_decides_their_own_appeal() {
		WorkOrderView order = dispatchedBadReview().order();
		Caller departmentAndOffice = person(Set.of(Role.DEPARTMENT, Role.OFFICE), hall().region(), hall().department(), null);
		long id = file(departmentAndOffice, order);
		for (Caller own : List.of(departmentAndOffice,
				person(Set.of(Role.OFFICE), hall().region(), null, hall().staffNo()),
				person(Set.of(Role.OFFICE), hall().region(), hall().department(), null))) {
			assertThatThrownBy(() -> AsCaller.run(own,
					() -> appeals.decide(id, new AppealDecision(AppealOutcome.MISTAKEN, "自己复核"))))
				.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.code()).isEqualTo("OWN_APPEAL"));
		}
		assertThat(count("select count(*) from apl_decision where appeal_id = :id", id)).isZero();
		assertThat(order(order.id()).paused()).isTrue();
	}

	@Test
	void an_office_of_another_region_cannot_decide() {
		WorkOrderView order = dispatchedBadReview().order();
		long id = file(staff(), order);
		Caller elsewhere = person(Set.of(Role.OFFICE), "980102", null, null);
		assertThatThrownBy(() -> AsCaller.run(elsewhere,
				() -> appeals.decide(id, new AppealDecision(AppealOutcome.MISTAKEN, "越权"))))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.code()).isEqualTo("OUT_OF_SCOPE"));
		assertThatThrownBy(() -> AsCaller.run(elsewhere, () -> appeals.find(id))).isInstanceOf(HcpException.class);
		assertThat(AsCaller.run(elsewhere, () -> appeals.list(null, null, null, 0, 100))).noneMatch(a -> a.id() == id);
		assertThat(count("select count(*) from apl_decision where appeal_id = :id", id)).isZero();
		Caller cityOffice = person(Set.of(Role.OFFICE), hall().region().substring(0, 4) + "00", null, null);
		AsCaller.run(cityOffice, () -> appeals.decide(id, new AppealDecision(AppealOutcome.REJECTED, "上级复核")));
		assertThat(count("select count(*) from apl_decision where appeal_id = :id", id)).as("the region above may").isOne();
	}

	@Test
	void only_the_office_decides() {
		WorkOrderView order = dispatchedBadReview().order();
		long id = file(staff(), order);
		for (Caller notOffice : List.of(hotline(), person(Set.of(Role.STAFF), hall().region(), null, "STF-ELSE"))) {
			assertThatThrownBy(() -> AsCaller.run(notOffice,
					() -> appeals.decide(id, new AppealDecision(AppealOutcome.MISTAKEN, "x"))))
				.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.status().value()).isEqualTo(403));
		}
	}

	@Test
	void a_second_pending_appeal_is_refused() {
		WorkOrderView order = dispatchedBadReview().order();
		long first = file(staff(), order);
		assertThatThrownBy(() -> file(department(), order))
			.isInstanceOfSatisfying(HcpException.class, e -> {
				assertThat(e.status().value()).isEqualTo(409);
				assertThat(e.code()).isEqualTo("APPEAL_PENDING");
			});
		assertThat(count("select count(*) from apl_appeal where order_id = :id", order.id())).isOne();
		AsCaller.run(office(), () -> appeals.decide(first, new AppealDecision(AppealOutcome.REJECTED, "证据不足")));
		assertThatThrownBy(() -> file(department(), order))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.code()).isEqualTo("APPEAL_DECIDED"));
	}

	@Test
	void only_the_rated_staff_member_or_their_department_appeals() {
		WorkOrderView order = dispatchedBadReview().order();
		for (Caller other : List.of(person(Set.of(Role.STAFF), hall().region(), null, "STF-ELSE"),
				person(Set.of(Role.DEPARTMENT), hall().region(), "11980101MB9999999X", null), office(), hotline())) {
			assertThatThrownBy(() -> file(other, order))
				.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.status().value()).isEqualTo(403));
		}
		assertThat(count("select count(*) from apl_appeal where order_id = :id", order.id())).isZero();
	}

	@Test
	void evidence_of_a_wrong_type_is_refused_and_nothing_is_stored() {
		WorkOrderView order = dispatchedBadReview().order();
		byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		long evidenceBefore = jdbc.sql("select count(*) from apl_evidence").query(Long.class).single();
		assertThatThrownBy(() -> file(staff(), order, new NewAppeal.Attachment("ok.png", PNG),
				new NewAppeal.Attachment("截图.png", html)))
			.isInstanceOfSatisfying(HcpException.class, e -> {
				assertThat(e.code()).isEqualTo("ATTACHMENT_TYPE");
				assertThat(e.fields().get(0).field()).isEqualTo("attachments[1]");
			});
		assertThat(count("select count(*) from apl_appeal where order_id = :id", order.id())).isZero();
		assertThat(jdbc.sql("select count(*) from apl_evidence").query(Long.class).single()).isEqualTo(evidenceBefore);
		assertThat(order(order.id()).paused()).isFalse();
	}

	@Test
	void an_appeal_needs_a_reason() {
		WorkOrderView order = dispatchedBadReview().order();
		assertThatThrownBy(() -> AsCaller.run(staff(), () -> filing.file(new NewAppeal(order.id(), "  ", null, List.of()))))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.fields().get(0).field()).isEqualTo("reason"));
		assertThat(count("select count(*) from apl_appeal where order_id = :id", order.id())).isZero();
	}

	@Test
	void an_overdue_appeal_is_flagged_once() {
		WorkOrderView order = dispatchedBadReview().order();
		long id = file(staff(), order);
		Instant decideBy = jdbc.sql("select decide_by from apl_appeal where id = :id").param("id", id)
			.query(java.sql.Timestamp.class).single().toInstant();
		var job = jobs.find("appeal-deadlines").orElseThrow();

		jobs.run(job, decideBy.minusSeconds(1));
		assertThat(count("select count(*) from apl_audit where appeal_id = :id and action = 'FLAG_OVERDUE'", id)).isZero();
		assertThat(AsCaller.run(office(), () -> appeals.find(id)).overdue()).isFalse();

		jobs.run(job, decideBy);
		jobs.run(job, decideBy.plusSeconds(3600));
		assertThat(count("select count(*) from apl_audit where appeal_id = :id and action = 'FLAG_OVERDUE'", id)).isOne();
		assertThat(events.stream(AppealOverdue.class).filter(e -> e.appealId() == id)).hasSize(1);
		AppealView flagged = AsCaller.run(office(), () -> appeals.find(id));
		assertThat(flagged.overdueFlaggedAt()).isEqualTo(decideBy);

		Caller office = office();
		assertThat(AsCaller.run(office, () -> appeals.list(null, AppealState.PENDING, true, 0, 100)))
			.as("listed as overdue once flagged").anyMatch(a -> a.id() == id && a.overdue());
		AsCaller.run(office, () -> deciding.decide(id, new AppealDecision(AppealOutcome.REJECTED, "迟到的复核"),
				decideBy.plusSeconds(60)));
		assertThat(AsCaller.run(office, () -> appeals.find(id)).decision().late()).isTrue();
	}

	@Test
	void window_staff_see_only_their_own_appeals_and_departments_only_theirs() {
		WorkOrderView order = dispatchedBadReview().order();
		long id = file(staff(), order);
		assertThat(AsCaller.run(staff(), () -> appeals.list(null, null, null, 0, 100))).anyMatch(a -> a.id() == id)
			.allMatch(a -> hall().staffNo().equals(a.staffNo()));
		assertThat(AsCaller.run(department(), () -> appeals.list(null, null, null, 0, 100))).anyMatch(a -> a.id() == id)
			.allMatch(a -> hall().department().equals(a.departmentCode()));
		Caller otherStaff = person(Set.of(Role.STAFF), hall().region(), null, "STF-ELSE");
		assertThat(AsCaller.run(otherStaff, () -> appeals.list(null, null, null, 0, 100))).noneMatch(a -> a.id() == id);
		assertThatThrownBy(() -> AsCaller.run(otherStaff, () -> appeals.find(id)))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.code()).isEqualTo("OUT_OF_SCOPE"));
	}
}
