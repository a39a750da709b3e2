package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.hcp.calendar.BundledCalendarFixture;
import org.hcp.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

/** The deadline rules of domain §7 and §13, each on its own, on the bundled 2026 calendar. */
class DeadlinePoliciesTest {

	static final WorkingCalendar calendar = BundledCalendarFixture.calendar();

	static Instant china(String local) {
		return OffsetDateTime.parse(local + "+08:00").toInstant();
	}

	@Test
	void a_bad_review_received_wednesday_2026_09_30_must_be_verified_by_the_end_of_thursday_2026_10_08() {
		VerificationDeadline rule = new VerificationDeadline(Term.workingDays(1));
		Instant due = rule.afterDispatch(china("2026-09-30T15:20:00"), calendar);
		assertThat(due).isEqualTo(china("2026-10-09T00:00:00"));
		assertThat(china("2026-10-08T23:59:59")).isBefore(due);
	}

	@Test
	void a_rectification_deadline_across_a_make_up_saturday_counts_that_saturday() {
		RectificationDeadline rule = new RectificationDeadline(Term.workingDays(10));
		// dispatched Fri Oct 9: day 1 is the make-up Sat Oct 10, then Oct 12–16 and 19–22 → due by the end of Thu Oct 22
		assertThat(rule.afterDispatch(china("2026-10-09T10:00:00"), calendar)).isEqualTo(china("2026-10-23T00:00:00"));
		// dispatched Fri Sep 18: the make-up Sun Sep 20 counts, 中秋 Sep 25 and Oct 1–7 do not → Sep 20–24, 28–30, Oct 8, 9
		assertThat(rule.afterDispatch(china("2026-09-18T10:00:00"), calendar)).isEqualTo(china("2026-10-10T00:00:00"));
	}

	@Test
	void the_second_profile_rectifies_within_15_natural_days_holidays_included() {
		RectificationDeadline rule = new RectificationDeadline(Term.naturalDays(15));
		// dispatched Wed Sep 30: day 1 is Oct 1 (a holiday, counted all the same), day 15 is Oct 15
		assertThat(rule.afterDispatch(china("2026-09-30T09:00:00"), calendar)).isEqualTo(china("2026-10-16T00:00:00"));
	}

	@Test
	void rectification_reopened_after_a_revisit_counts_from_the_revisit() {
		RectificationDeadline rule = new RectificationDeadline(Term.workingDays(10));
		assertThat(rule.afterReopening(china("2026-11-20T16:00:00"), calendar)).isEqualTo(china("2026-12-05T00:00:00"));
	}

	@Test
	void the_revisit_is_due_5_working_days_after_the_rectification() {
		RevisitDeadline rule = new RevisitDeadline(Term.workingDays(5));
		// rectified Mon Sep 28 → Sep 29, 30, Oct 8, 9 and the make-up Sat Oct 10
		assertThat(rule.afterRectification(china("2026-09-28T11:00:00"), calendar)).isEqualTo(china("2026-10-11T00:00:00"));
	}

	@Test
	void a_term_reads_as_written_in_the_configuration() {
		assertThat(Term.valueOf("10 WORKING_DAYS")).isEqualTo(Term.workingDays(10));
		assertThat(Term.valueOf(" 15  natural_days ")).isEqualTo(Term.naturalDays(15));
		assertThat(Term.workingDays(5)).hasToString("5 WORKING_DAYS");
		assertThatThrownBy(() -> Term.valueOf("ten days")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Term.valueOf("-1 WORKING_DAYS")).isInstanceOf(IllegalArgumentException.class);
	}
}
