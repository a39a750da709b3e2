package org.hcp.rectification;

import java.time.Instant;

import org.hcp.calendar.WorkingCalendar;

/**
 * 回访时限 (domain §7): the rater is replied to and revisited within {@code within} (default 5 working days) after
 * the rectification (or after the office accepted that it cannot be rectified).
 */
record RevisitDeadline(Term within) {

	Instant afterRectification(Instant rectifiedAt, WorkingCalendar calendar) {
		return within.after(rectifiedAt, calendar);
	}
}
