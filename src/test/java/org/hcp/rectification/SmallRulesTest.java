package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hcp.rectification.DeadlinePoliciesTest.china;

import java.time.LocalDate;

import org.hcp.calendar.BundledCalendarFixture;
import org.hcp.shared.HcpException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The small named rules of rectification, one test each (or a few at their boundaries). */
class SmallRulesTest {

	@Test
	void an_extension_is_asked_for_before_the_current_deadline_and_for_a_later_day() {
		var deadline = china("2026-11-28T00:00:00");
		assertThat(ExtensionBeforeDeadline.check(china("2026-11-27T23:59:59"), deadline, LocalDate.of(2026, 12, 4)))
			.isEqualTo(china("2026-12-05T00:00:00"));
		assertThatThrownBy(() -> ExtensionBeforeDeadline.check(china("2026-11-28T00:00:00"), deadline, LocalDate.of(2026, 12, 4)))
			.isInstanceOf(HcpException.class).hasMessageContaining("DEADLINE_PASSED");
		assertThatThrownBy(() -> ExtensionBeforeDeadline.check(china("2026-11-20T10:00:00"), deadline, LocalDate.of(2026, 11, 27)))
			.isInstanceOf(HcpException.class).hasMessageContaining("NOT_LATER");
	}

	@Test
	void unreachable_needs_three_recorded_call_attempts() {
		UnreachableAfterAttempts rule = new UnreachableAfterAttempts(3);
		assertThatThrownBy(() -> rule.check(2)).isInstanceOf(HcpException.class).hasMessageContaining("TOO_FEW_ATTEMPTS");
		rule.check(3);
	}

	@Test
	void overdue_is_repeated_on_a_second_overdue_step_or_three_working_days_after_the_last_day() {
		RepeatedOverdue rule = new RepeatedOverdue(3);
		assertThat(rule.repeatedWhenMarked(1)).isFalse();
		assertThat(rule.repeatedWhenMarked(2)).isTrue();
		// last day Fri Nov 27: Mon 30, Tue Dec 1, Wed Dec 2 more → repeated from Thu Dec 3, not before
		var deadline = china("2026-11-28T00:00:00");
		assertThat(rule.stillOverdueTooLong(deadline, china("2026-12-02T23:59:59"), BundledCalendarFixture.calendar())).isFalse();
		assertThat(rule.stillOverdueTooLong(deadline, china("2026-12-03T00:00:00"), BundledCalendarFixture.calendar())).isTrue();
	}

	@Test
	void evidence_is_a_png_jpeg_or_pdf_by_its_bytes_not_its_name_and_within_the_size_limit() {
		EvidenceRules rules = new EvidenceRules(DataSize.ofBytes(64));
		assertThat(rules.check(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 })).isEqualTo("image/png");
		assertThat(rules.check(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 })).isEqualTo("image/jpeg");
		assertThat(rules.check("%PDF-1.7\n".getBytes())).isEqualTo("application/pdf");
		assertThatThrownBy(() -> rules.check("<html>not an image</html>".getBytes())).isInstanceOf(HcpException.class)
			.hasMessageContaining("FILE_TYPE_NOT_ALLOWED");
		assertThatThrownBy(() -> rules.check(new byte[0])).isInstanceOf(HcpException.class).hasMessageContaining("EMPTY_FILE");
		byte[] big = new byte[65];
		big[0] = '%';
		assertThatThrownBy(() -> rules.check(big)).isInstanceOf(HcpException.class).hasMessageContaining("FILE_TOO_LARGE");
	}

	@Test
	void an_evidence_file_name_keeps_no_path_and_no_quoting_characters() {
		assertThat(EvidenceRules.safeName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(EvidenceRules.safeName("C:\\x\\整改照片\"1\".png")).isEqualTo("整改照片_1_.png");
		assertThat(EvidenceRules.safeName(null)).isEqualTo("evidence");
	}

	@Test
	void the_ledger_holder_follows_the_state() {
		assertThat(Holder.of(WorkOrderState.RECEIVED)).isEqualTo("HOTLINE");
		assertThat(Holder.of(WorkOrderState.VERIFIED)).isEqualTo("DEPARTMENT");
		assertThat(Holder.of(WorkOrderState.UNRECTIFIABLE_REPORTED)).isEqualTo("OFFICE");
		assertThat(Holder.of(WorkOrderState.REPLIED)).isEqualTo("HOTLINE");
		assertThat(Holder.of(WorkOrderState.REVISITED)).isEqualTo("OFFICE");
	}

	@Test
	void the_working_days_left_count_today_and_turn_negative_once_the_deadline_passed() {
		var calendar = BundledCalendarFixture.calendar();
		var deadline = china("2026-11-28T00:00:00"); // end of Fri Nov 27
		assertThat(RemainingWorkingDays.of(deadline, china("2026-11-23T09:00:00"), calendar)).isEqualTo(5);
		assertThat(RemainingWorkingDays.of(deadline, china("2026-11-27T17:00:00"), calendar)).isEqualTo(1);
		assertThat(RemainingWorkingDays.of(deadline, china("2026-11-29T10:00:00"), calendar)).isEqualTo(0);
		assertThat(RemainingWorkingDays.of(deadline, china("2026-12-01T10:00:00"), calendar)).isEqualTo(-2);
		assertThat(RemainingWorkingDays.of(null, china("2026-12-01T10:00:00"), calendar)).isNull();
	}
}
