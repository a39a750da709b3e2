package org.hcp.appeal;

import java.time.Instant;

import org.hcp.calendar.WorkingDays;

/** Where the appeal deadlines come from: the working calendar's {@code deadline} (only {@code calendar} knows them). */
@FunctionalInterface
interface Deadlines {

	/** The instant a deadline of {@code days} working days after {@code event} has passed. */
	Instant after(Instant event, WorkingDays days);
}
