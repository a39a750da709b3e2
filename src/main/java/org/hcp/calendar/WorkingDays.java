package org.hcp.calendar;

import org.hcp.shared.HcpException;

/** A number of working days 工作日, zero or more. */
public record WorkingDays(int count) {

	public WorkingDays {
		if (count < 0) {
			throw HcpException.invalid("workingDays", "BAD_WORKING_DAYS", "工作日数不能为负数", "Working days cannot be negative");
		}
	}

	public static WorkingDays of(int count) {
		return new WorkingDays(count);
	}

	@Override
	public String toString() {
		return count + " WORKING_DAYS";
	}
}
