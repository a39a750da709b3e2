package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hcp.calendar.WorkingCalendar;
import org.hcp.calendar.WorkingDays;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The steps beside the main path: ledger entries, extensions, cannot-be-rectified, revisits, appeals, evidence. */
class WorkOrderStepsIT extends WorkOrderFixtures {

	@Autowired
	WorkingCalendar calendar;

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

	@Test
	void an_extension_moves_the_deadline_and_records_the_reason() {
		long id = badReview();
		WorkOrderDetail d = takenTo(id, WorkOrderState.VERIFIED);
		Instant before = d.order().deadline();
		LocalDate newDay = ChinaTime.dateOf(before).plusDays(9);
		as(department());
		d = orders.requestExtension(id, d.version(), newDay, "需协调第三方供应商更换设备");
		assertThat(d.order().deadline()).isEqualTo(before);
		assertThat(d.pendingExtension().reason()).isEqualTo("需协调第三方供应商更换设备");
		int v = d.version();
		as(department());
		assertThatThrownBy(() -> orders.approveExtension(id, v, "同意")).isInstanceOf(HcpException.class)
			.satisfies(e -> assertThat(((HcpException) e).code()).isEqualTo("ROLE_REQUIRED"));
		as(office());
		d = orders.approveExtension(id, v, "同意延期");
		assertThat(d.order().deadline()).isEqualTo(ChinaTime.startOf(newDay.plusDays(1)));
		assertThat(d.pendingExtension()).isNull();
		assertThat(d.extensions()).singleElement().satisfies(e -> {
			assertThat(e.status()).isEqualTo("APPROVED");
			assertThat(e.reason()).isEqualTo("需协调第三方供应商更换设备");
			assertThat(e.currentDeadline()).isEqualTo(before);
			assertThat(e.decisionReason()).isEqualTo("同意延期");
		});
		assertThat(d.timeline()).extracting(TimelineEntry::action).contains("request-extension", "approve-extension");
		assertThat(d.timeline()).filteredOn(t -> t.action().equals("request-extension")).singleElement()
			.satisfies(t -> assertThat(t.reason()).isEqualTo("需协调第三方供应商更换设备"));
	}

	@Test
	void a_refused_extension_keeps_the_deadline() {
		long id = badReview();
		WorkOrderDetail d = takenTo(id, WorkOrderState.VERIFIED);
		Instant before = d.order().deadline();
		as(department());
		d = orders.requestExtension(id, d.version(), ChinaTime.dateOf(before).plusDays(5), "人手不足");
		as(office());
		d = orders.refuseExtension(id, d.version(), "理由不充分");
		assertThat(d.order().deadline()).isEqualTo(before);
		assertThat(d.extensions()).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo("REFUSED"));
	}

	@Test
	void a_ledger_entry_gets_a_planned_date_no_later_than_the_deadline_and_is_rectified_with_evidence_later() {
		long id = badReview();
		WorkOrderDetail d = takenTo(id, WorkOrderState.VERIFIED);
		LocalDate tooLate = ChinaTime.dateOf(d.order().deadline()).plusDays(1);
		int v = d.version();
		as(department());
		assertThatThrownBy(() -> orders.enterInLedger(id, v, tooLate, "更换排队叫号系统"))
			.isInstanceOf(HcpException.class).hasMessageContaining("PLANNED_AFTER_DEADLINE");
		LocalDate planned = ChinaTime.dateOf(d.order().deadline()).minusDays(1);
		as(department());
		d = orders.enterInLedger(id, v, planned, "更换排队叫号系统");
		assertThat(d.order().state()).isEqualTo(WorkOrderState.RECTIFYING);
		assertThat(d.order().deadline()).isEqualTo(ChinaTime.startOf(planned.plusDays(1)));
		assertThat(d.rectifyMode()).isEqualTo(RectifyMode.LEDGER);
		as(department());
		EvidenceView photo = orders.attachEvidence(id, "新叫号机.png", PNG);
		as(department());
		d = orders.rectify(id, d.version(), "叫号系统已更换", List.of(photo.id()));
		assertThat(d.order().state()).isEqualTo(WorkOrderState.RECTIFIED);
		assertThat(d.evidence()).singleElement().satisfies(e -> {
			assertThat(e.contentType()).isEqualTo("image/png");
			assertThat(e.usedBy()).isEqualTo("rectify");
		});
		assertThat(orders.evidence(id, photo.id()).content()).isEqualTo(PNG);
	}

	@Test
	void evidence_of_a_wrong_type_is_refused_and_nothing_is_stored() {
		long id = badReview();
		takenTo(id, WorkOrderState.VERIFIED);
		as(department());
		assertThatThrownBy(() -> orders.attachEvidence(id, "照片.png", "MZ\u0090 not an image".getBytes()))
			.isInstanceOf(HcpException.class).hasMessageContaining("FILE_TYPE_NOT_ALLOWED");
		assertThat(jdbc.sql("select count(*) from rct_evidence where order_id = :id").param("id", id).query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from rct_audit where order_id = :id and action = 'attach-evidence'")
			.param("id", id).query(Long.class).single()).isZero();
	}

	@Test
	void cannot_be_rectified_is_approved_by_the_office_and_goes_on_to_reply_and_revisit_or_is_sent_back() {
		long id = badReview();
		WorkOrderDetail d = takenTo(id, WorkOrderState.VERIFIED);
		as(department());
		d = orders.reportUnrectifiable(id, d.version(), "涉及上位法规定，本级无权调整");
		as(office());
		d = orders.returnUnrectifiable(id, d.version(), "可先优化告知方式");
		assertThat(d.order().state()).isEqualTo(WorkOrderState.VERIFIED);
		as(department());
		d = orders.reportUnrectifiable(id, d.version(), "涉及上位法规定，本级无权调整");
		as(office());
		d = orders.approveUnrectifiable(id, d.version(), "情况属实");
		assertThat(d.order().state()).isEqualTo(WorkOrderState.UNRECTIFIABLE_APPROVED);
		assertThat(d.unrectifiable()).isTrue();
		assertThat(d.rectifiedAt()).isNull();
		as(department());
		d = orders.reply(id, d.version(), "经核实属上位法规定，已向您解释");
		assertThat(d.order().state()).isEqualTo(WorkOrderState.REPLIED);
	}

	@Test
	void not_satisfied_at_the_revisit_reopens_rectification_with_a_new_deadline() {
		long id = badReview();
		WorkOrderDetail d = takenTo(id, WorkOrderState.REPLIED);
		as(hotline());
		d = orders.revisit(id, d.version(), RevisitOutcome.NOT_SATISFIED, "评价人仍不满意");
		assertThat(d.order().state()).isEqualTo(WorkOrderState.VERIFIED);
		assertThat(d.round()).isEqualTo(2);
		assertThat(d.deadlineStep()).isEqualTo("RECTIFY");
		Instant revisitedAt = d.revisitedAt();
		assertThat(d.order().deadline()).isEqualTo(ChinaTime.startOf(
				calendar.plusWorkingDays(ChinaTime.dateOf(revisitedAt), WorkingDays.of(10)).plusDays(1)));
		assertThat(d.rectifiedAt()).isNull();
		assertThat(d.timeline()).extracting(TimelineEntry::action).endsWith("reopen");
		assertThat(takenTo(id, WorkOrderState.CLOSED).timeline()).extracting(TimelineEntry::action)
			.containsSubsequence("reopen", "rectify-at-once", "reply", "revisit", "close");
	}

	@Test
	void unreachable_needs_three_recorded_call_attempts() {
		long id = badReview();
		WorkOrderDetail d = takenTo(id, WorkOrderState.REPLIED);
		for (int attempt = 1; attempt <= 2; attempt++) {
			as(assessor());
			orders.recordCallAttempt(id, "无人接听");
		}
		int v = version(id);
		as(hotline());
		assertThatThrownBy(() -> orders.revisit(id, v, RevisitOutcome.UNREACHABLE, "联系不上"))
			.isInstanceOf(HcpException.class).hasMessageContaining("TOO_FEW_ATTEMPTS");
		as(hotline());
		d = orders.recordCallAttempt(id, "关机");
		assertThat(d.callAttempts()).isEqualTo(3);
		as(hotline());
		d = orders.revisit(id, d.version(), RevisitOutcome.UNREACHABLE, "三次未接通");
		assertThat(d.order().state()).isEqualTo(WorkOrderState.REVISITED);
		assertThat(d.revisitOutcome()).isEqualTo(RevisitOutcome.UNREACHABLE);
	}

	@Test
	void a_rejected_appeal_resumes_the_deadline_with_the_paused_working_days_added_back() {
		long id = badReview();
		WorkOrderDetail d = takenTo(id, WorkOrderState.DISPATCHED);
		Instant deadline = d.order().deadline();
		Instant filed = Instant.now();
		Instant decided = filed.plus(4, ChronoUnit.DAYS);
		orders.pauseForAppeal(id, 77, filed);
		orders.pauseForAppeal(id, 77, filed); // again: nothing changes
		assertThat(current(id).order().paused()).isTrue();
		assertThat(current(id).remainingWorkingDays()).isNull();
		orders.resumeAfterAppeal(id, 77, decided);
		orders.resumeAfterAppeal(id, 77, decided); // again: nothing changes
		int paused = 0;
		for (LocalDate day = ChinaTime.dateOf(filed).plusDays(1); !day.isAfter(ChinaTime.dateOf(decided)); day = day.plusDays(1)) {
			paused += calendar.isWorkingDay(day) ? 1 : 0;
		}
		WorkOrderDetail resumed = current(id);
		assertThat(resumed.order().paused()).isFalse();
		assertThat(resumed.order().deadline()).isEqualTo(ChinaTime.startOf(calendar
			.plusWorkingDays(ChinaTime.dateOf(deadline).minusDays(1), WorkingDays.of(paused)).plusDays(1)));
		assertThat(resumed.timeline()).extracting(TimelineEntry::action).endsWith("pause-for-appeal", "resume-after-appeal");
	}

	@Test
	void an_upheld_appeal_closes_the_order_as_closed_by_appeal() {
		long id = badReview();
		takenTo(id, WorkOrderState.DISPATCHED);
		orders.pauseForAppeal(id, 78, Instant.now());
		WorkOrderDetail d = current(id);
		as(office());
		assertThatThrownBy(() -> orders.close(id, d.version(), "销号")).isInstanceOf(HcpException.class);
		orders.closeByAppeal(id, 78, Instant.now());
		orders.closeByAppeal(id, 78, Instant.now());
		WorkOrderDetail closed = current(id);
		assertThat(closed.order().state()).isEqualTo(WorkOrderState.CLOSED_BY_APPEAL);
		assertThat(closed.order().paused()).isFalse();
		assertThat(closed.order().deadline()).isNull();
		assertThat(closed.timeline()).extracting(TimelineEntry::action).filteredOn("close-by-appeal"::equals).hasSize(1);
	}

	@Test
	void the_rater_reads_the_reply_by_the_link_and_answers_once_as_a_fact_of_its_own() {
		long id = badReview();
		takenTo(id, WorkOrderState.REPLIED);
		String token = RaterRepliedCapture.token(id);
		assertThat(RaterRepliedCapture.latest(id).deliveryKey()).startsWith("rct-reply-");
		assertThat(jdbc.sql("select count(*) from rct_reply where order_id = :id and encode(token_hash, 'hex') like '%' || :t || '%'")
			.param("id", id).param("t", token).query(Long.class).single()).isZero();
		RaterStatus status = orders.raterStatus(token);
		assertThat(status.replyText()).isEqualTo("您好，已整改，感谢监督");
		assertThat(status.answer()).isNull();
		status = orders.answerAsRater(token, RaterAnswer.BASICALLY_SATISFIED);
		assertThat(status.answer()).isEqualTo(RaterAnswer.BASICALLY_SATISFIED);
		assertThatThrownBy(() -> orders.answerAsRater(token, RaterAnswer.NOT_SATISFIED)).isInstanceOf(HcpException.class)
			.hasMessageContaining("ALREADY_ANSWERED");
		WorkOrderDetail d = current(id);
		assertThat(d.raterAnswer()).isEqualTo(RaterAnswer.BASICALLY_SATISFIED);
		assertThat(d.order().state()).isEqualTo(WorkOrderState.REPLIED);
		assertThat(d.revisitOutcome()).isNull();
		assertThat(d.timeline()).filteredOn(t -> t.action().equals("rater-answer")).singleElement()
			.satisfies(t -> assertThat(t.actor()).isEqualTo("rater"));
		assertThatThrownBy(() -> orders.raterStatus(token.substring(1) + "A")).isInstanceOf(HcpException.class)
			.hasMessageContaining("UNKNOWN_LINK");
	}

	@Test
	void revealing_the_raters_mobile_is_for_the_revisit_roles_and_is_audited() {
		long id = badReview();
		takenTo(id, WorkOrderState.REPLIED);
		as(department());
		assertThatThrownBy(() -> orders.revealRaterMobile(id)).isInstanceOf(HcpException.class)
			.hasMessageContaining("ROLE_REQUIRED");
		var operator = hotline();
		as(operator);
		String mobile = orders.revealRaterMobile(id);
		assertThat(mobile).matches("1\\d{10}");
		assertThat(current(id).raterMobile()).isNotEqualTo(mobile).endsWith(mobile.substring(7));
		assertThat(current(id).timeline()).filteredOn(t -> t.action().equals("reveal-mobile")).singleElement()
			.satisfies(t -> {
				assertThat(t.actor()).isEqualTo(operator.name());
				assertThat(t.userId()).isEqualTo(operator.userId());
				assertThat(t.role()).isEqualTo("HOTLINE");
			});
	}

	@Test
	void the_audit_is_append_only() {
		long id = badReview();
		assertThatThrownBy(() -> jdbc.sql("update rct_audit set reason = 'x' where order_id = :id").param("id", id).update())
			.isInstanceOf(Exception.class);
		assertThatThrownBy(() -> jdbc.sql("delete from rct_audit where order_id = :id").param("id", id).update())
			.isInstanceOf(Exception.class);
	}
}
