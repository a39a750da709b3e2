package org.hcp.rectification;

import java.time.Instant;
import java.time.LocalDate;

import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;

/**
 * 延期 (domain §7): an extension is asked for before the current deadline has passed, for a later date; the office
 * approves it. The new deadline ends when the requested day ends (China time).
 */
final class ExtensionBeforeDeadline {

	private ExtensionBeforeDeadline() {
	}

	static Instant check(Instant at, Instant currentDeadline, LocalDate newDate) {
		if (newDate == null) {
			throw HcpException.invalid("newDeadline", "REQUIRED", "新的完成日期不能为空", "newDeadline is required");
		}
		if (currentDeadline == null || !at.isBefore(currentDeadline)) {
			throw HcpException.conflict("newDeadline", "DEADLINE_PASSED", "已超过当前时限，不能再申请延期",
					"The current deadline has passed; an extension must be asked for before it");
		}
		Instant requested = ChinaTime.startOf(newDate.plusDays(1));
		if (!requested.isAfter(currentDeadline)) {
			throw HcpException.invalid("newDeadline", "NOT_LATER", "新的完成日期应晚于当前时限",
					"newDeadline must be later than the current deadline");
		}
		return requested;
	}
}
