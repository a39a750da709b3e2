package org.hcp.rectification;

import java.time.Instant;

import org.hcp.calendar.WorkingCalendar;

/**
 * 核实时限 (domain §7): the department verifies a dispatched order with the rater within {@code within} (default 1
 * working day) after dispatch. A bad review received and dispatched Wed 2026-09-30 is due by the end of Thu 2026-10-08.
 */
record VerificationDeadline(Term within) {

	Instant afterDispatch(Instant dispatchedAt, WorkingCalendar calendar) {
		return within.after(dispatchedAt, calendar);
	}
}
