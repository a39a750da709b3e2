package org.hcp.rectification;

import java.time.Instant;

import org.hcp.calendar.WorkingCalendar;

/**
 * 整改时限 (domain §7): the department rectifies within {@code within} after it received the order (dispatch) —
 * 10 working days by default, 15 natural days in the second shipped profile. When a revisit finds the rater not
 * satisfied, rectification reopens with the same time counted from that revisit. A ledger entry's planned date may
 * be earlier, never later (a later one needs an approved extension).
 */
record RectificationDeadline(Term within) {

	Instant afterDispatch(Instant dispatchedAt, WorkingCalendar calendar) {
		return within.after(dispatchedAt, calendar);
	}

	Instant afterReopening(Instant reopenedAt, WorkingCalendar calendar) {
		return within.after(reopenedAt, calendar);
	}
}
