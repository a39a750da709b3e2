package org.hcp.rectification;

import java.time.Instant;
import java.time.LocalDate;

import org.hcp.calendar.WorkingCalendar;
import org.hcp.calendar.WorkingDays;
import org.hcp.shared.ChinaTime;

/**
 * 反复超期 → 督办 and 约谈 (domain §7, ADR 0016). An order's overdue is "repeated" when either
 * <ul>
 * <li>a step passes its deadline and the order was overdue before, on an earlier step or round; or</li>
 * <li>one step stays overdue {@code stillOverdueAfter} more working days (3) after its last day.</li>
 * </ul>
 * Then the office supervises it and a formal talk with the person in charge is recorded — once per order.
 */
record RepeatedOverdue(int stillOverdueAfter) {

	/** At the moment a step is marked overdue: was the order overdue before? */
	boolean repeatedWhenMarked(int timesOverdueIncludingThis) {
		return timesOverdueIncludingThis >= 2;
	}

	/** A step still open {@code stillOverdueAfter} working days after its last day. */
	boolean stillOverdueTooLong(Instant deadline, Instant asOf, WorkingCalendar calendar) {
		LocalDate lastDay = ChinaTime.dateOf(deadline).minusDays(1);
		Instant limit = ChinaTime.startOf(calendar.plusWorkingDays(lastDay, WorkingDays.of(stillOverdueAfter)).plusDays(1));
		return !asOf.isBefore(limit);
	}
}
