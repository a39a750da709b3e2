package org.hcp.calendar;

import java.time.LocalDate;

/** One exception day of a yearly notice: a statutory holiday (off) or a weekend make-up working day 调休补班. */
public record CalendarDay(LocalDate date, boolean offDay, String name) {
}
