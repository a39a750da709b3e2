package org.hcp.calendar;

import java.util.List;

import org.hcp.shared.Bilingual;
import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;

/** A date in a year whose holiday notice was never imported: refused loudly rather than guessed. */
public class CalendarYearMissing extends HcpException {

	private final int year;

	public CalendarYearMissing(int year) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "CALENDAR_YEAR_MISSING",
				Bilingual.of(year + "年的节假日安排尚未导入工作日历，无法计算工作日",
						"The working-day calendar has no data for " + year + "; import that year's holiday notice"),
				List.of());
		this.year = year;
	}

	public int year() {
		return year;
	}
}
