package org.hcp.evaluation.rules;

import java.time.Instant;

import org.hcp.calendar.WorkingDays;
import org.hcp.evaluation.Channel;
import org.hcp.shared.HcpException;
import org.hcp.shared.Level;

/**
 * 未评价提醒与默认评价 (domain §6.4): a completed case not rated within {@code remindAfter} working days gets a reminder
 * SMS; still not rated {@code defaultAfterReminder} working days after the reminder, the system records the default
 * rating ({@code level}, 满意). A default is made by the system only and never counted as a rater's own.
 *
 * @param remindAfter working days after completion before the reminder (1)
 * @param defaultAfterReminder working days after the reminder before the default (4)
 * @param level the default rating (满意)
 */
public record DefaultRating(int remindAfter, int defaultAfterReminder, Level level) {

	/** Where deadlines come from: the working calendar's {@code deadline} (only {@code calendar} knows them). */
	@FunctionalInterface
	public interface Deadlines {

		/** The instant a deadline of {@code days} working days after {@code event} has passed. */
		Instant after(Instant event, WorkingDays days);
	}

	/** Reminder due once the {@code remindAfter}-th working day after completion has ended. */
	public boolean reminderDue(Deadlines calendar, Instant completedAt, Instant asOf) {
		return !asOf.isBefore(calendar.after(completedAt, WorkingDays.of(remindAfter)));
	}

	/** Default due once the {@code defaultAfterReminder}-th working day after the reminder has ended. */
	public boolean defaultDue(Deadlines calendar, Instant reminderSentAt, Instant asOf) {
		return !asOf.isBefore(calendar.after(reminderSentAt, WorkingDays.of(defaultAfterReminder)));
	}

	/** No channel system may submit a default: the system makes them. */
	public static void notClaimedByARater(Channel channel) {
		if (channel == Channel.DEFAULT) {
			throw HcpException.invalid("channel", "DEFAULT_CHANNEL", "默认评价只能由系统产生", "Default ratings are made by the system only");
		}
	}
}
