package org.hcp.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.hcp.calendar.WorkingCalendar;
import org.hcp.calendar.WorkingDays;
import org.hcp.shared.HcpException;
import org.hcp.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two appeal deadlines on the real working calendar (domain §8, §13): 3 working days to appeal after receiving the
 * order, 3 for the office to decide; the next working day is day 1 and a window ends when its last working day ends.
 * Received Wed 2026-09-30: Oct 1–7 are off, so day 1 is Thu Oct 8, day 2 Fri Oct 9, day 3 the make-up Sat Oct 10.
 */
class AppealWindowsIT extends ApiTest {

	static final Instant RECEIVED_WED_SEP_30 = china("2026-09-30T10:00:00");

	@Autowired
	WorkingCalendar calendar;

	static Instant china(String local) {
		return OffsetDateTime.parse(local + "+08:00").toInstant();
	}

	FilingWindow window() {
		return new FilingWindow(WorkingDays.of(3));
	}

	@Test
	void an_appeal_on_the_third_working_day_is_accepted() {
		assertThatCode(() -> window().check(calendar::deadline, RECEIVED_WED_SEP_30, china("2026-10-10T23:59:59")))
			.doesNotThrowAnyException();
	}

	@Test
	void an_appeal_on_the_fourth_working_day_is_refused_with_the_reason_and_the_last_day() {
		assertThatThrownBy(() -> window().check(calendar::deadline, RECEIVED_WED_SEP_30, china("2026-10-12T09:00:00")))
			.isInstanceOfSatisfying(HcpException.class, e -> {
				assertThat(e.status().value()).isEqualTo(422);
				assertThat(e.code()).isEqualTo("APPEAL_TOO_LATE");
				assertThat(e.text().zh()).contains("2026-09-30 10:00:00").contains("2026-10-10");
				assertThat(e.text().en()).contains("3 working days").contains("2026-10-10");
			});
		assertThatThrownBy(() -> window().check(calendar::deadline, RECEIVED_WED_SEP_30, china("2026-10-11T00:00:00")))
			.as("the window ends when the third working day ends").isInstanceOf(HcpException.class);
	}

	@Test
	void the_office_decides_within_three_working_days_of_the_filing() {
		DecisionDeadline deadline = new DecisionDeadline(WorkingDays.of(3));
		Instant decideBy = deadline.decideBy(calendar::deadline, china("2026-09-30T16:00:00"));
		assertThat(decideBy).isEqualTo(china("2026-10-11T00:00:00"));
		assertThat(DecisionDeadline.overdue(decideBy, china("2026-10-10T23:59:59"))).isFalse();
		assertThat(DecisionDeadline.overdue(decideBy, china("2026-10-12T08:30:00"))).isTrue();
	}
}
