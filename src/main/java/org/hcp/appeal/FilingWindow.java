package org.hcp.appeal;

import java.time.Instant;

import org.hcp.calendar.WorkingDays;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;

/**
 * 申诉时限 (domain §8): the rated staff member or their department appeals within {@code days} working days of
 * receiving the work order. Counted like domain §6.4: the next working day is day 1, and the window closes when the
 * N-th working day ends (China time). A later appeal is refused with the reason and the last day.
 */
record FilingWindow(WorkingDays days) {

	/** The first instant at which an appeal is too late. */
	Instant closesAt(Deadlines calendar, Instant receivedAt) {
		return calendar.after(receivedAt, days);
	}

	void check(Deadlines calendar, Instant receivedAt, Instant filedAt) {
		Instant closes = closesAt(calendar, receivedAt);
		if (!filedAt.isBefore(closes)) {
			String received = ChinaTime.format(receivedAt);
			String lastDay = ChinaTime.dateOf(closes.minusNanos(1)).toString();
			throw HcpException.invalid("orderId", "APPEAL_TOO_LATE",
					"申诉已超过时限：工单于 " + received + " 接收，应在 " + days.count() + " 个工作日内（" + lastDay
							+ " 当日结束前）提出",
					"Too late to appeal: the order was received at " + received + " (China time); appeals are accepted within "
							+ days.count() + " working days, until the end of " + lastDay);
		}
	}
}
