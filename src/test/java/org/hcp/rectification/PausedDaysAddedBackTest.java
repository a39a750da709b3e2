package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcp.rectification.DeadlinePoliciesTest.china;

import org.hcp.calendar.BundledCalendarFixture;
import org.hcp.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

/** 申诉期间时限暂停 (domain §8): the days an appeal was pending are added back to the deadline. */
class PausedDaysAddedBackTest {

	static final WorkingCalendar calendar = BundledCalendarFixture.calendar();

	@Test
	void the_working_days_after_the_filing_day_up_to_the_decision_day_are_added_back() {
		// filed Mon Nov 23, rejected Thu Nov 26: Tue, Wed, Thu were paused → a deadline at the end of Fri Nov 27
		// moves three working days to the end of Wed Dec 2
		assertThat(PausedDaysAddedBack.pausedDays(china("2026-11-23T10:00:00"), china("2026-11-26T09:00:00"),
				Term.Unit.WORKING_DAYS, calendar)).isEqualTo(3);
		assertThat(PausedDaysAddedBack.moved(china("2026-11-28T00:00:00"), china("2026-11-23T10:00:00"),
				china("2026-11-26T09:00:00"), Term.Unit.WORKING_DAYS, calendar)).isEqualTo(china("2026-12-03T00:00:00"));
	}

	@Test
	void a_pause_over_a_weekend_and_a_holiday_adds_back_only_working_days() {
		// filed Wed Sep 30, decided Fri Oct 9: only Oct 8 and Oct 9 were working days
		assertThat(PausedDaysAddedBack.pausedDays(china("2026-09-30T10:00:00"), china("2026-10-09T10:00:00"),
				Term.Unit.WORKING_DAYS, calendar)).isEqualTo(2);
	}

	@Test
	void a_natural_day_deadline_gets_the_natural_days_back() {
		assertThat(PausedDaysAddedBack.moved(china("2026-10-16T00:00:00"), china("2026-09-30T10:00:00"),
				china("2026-10-09T10:00:00"), Term.Unit.NATURAL_DAYS, calendar)).isEqualTo(china("2026-10-25T00:00:00"));
	}

	@Test
	void paused_and_resumed_the_same_day_moves_nothing() {
		assertThat(PausedDaysAddedBack.moved(china("2026-11-28T00:00:00"), china("2026-11-23T09:00:00"),
				china("2026-11-23T17:00:00"), Term.Unit.WORKING_DAYS, calendar)).isEqualTo(china("2026-11-28T00:00:00"));
	}
}
