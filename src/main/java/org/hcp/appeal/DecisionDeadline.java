package org.hcp.appeal;

import java.time.Instant;

import org.hcp.calendar.WorkingDays;

/**
 * 复核时限 (domain §8): the service-management office decides within {@code days} working days of the filing,
 * counted like every deadline (the next working day is day 1). A pending appeal past it is overdue: flagged in lists
 * and, once, by the job {@code appeal-deadlines}; a decision after it is recorded as late.
 */
record DecisionDeadline(WorkingDays days) {

	Instant decideBy(Deadlines calendar, Instant filedAt) {
		return calendar.after(filedAt, days);
	}

	static boolean overdue(Instant decideBy, Instant asOf) {
		return !asOf.isBefore(decideBy);
	}
}
