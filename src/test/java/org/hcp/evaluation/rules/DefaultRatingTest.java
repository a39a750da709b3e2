package org.hcp.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.hcp.evaluation.Channel;
import org.hcp.shared.Level;
import org.junit.jupiter.api.Test;

/**
 * domain §6.4: reminder after 1 working day, default 满意 4 working days after the reminder, each due when the last
 * working day has ended. Here on a plain Monday–Friday calendar; DefaultRatingIT runs it across National Day.
 */
class DefaultRatingTest {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
	static final DefaultRating RULE = new DefaultRating(1, 4, Level.SATISFIED);

	/** The start of the day after the N-th weekday after the event's day. */
	static final DefaultRating.Deadlines WEEKDAYS = (event, days) -> {
		LocalDate d = event.atZone(CHINA).toLocalDate();
		for (int n = 0; n < days.count();) {
			d = d.plusDays(1);
			if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
				n++;
			}
		}
		return d.plusDays(1).atStartOfDay(CHINA).toInstant();
	};

	static Instant at(String local) {
		return java.time.LocalDateTime.parse(local).atZone(CHINA).toInstant();
	}

	@Test
	void the_reminder_is_due_when_the_first_working_day_after_completion_has_ended() {
		Instant completedFriday = at("2026-06-12T16:00:00");
		assertThat(RULE.reminderDue(WEEKDAYS, completedFriday, at("2026-06-15T23:59:59"))).isFalse();
		assertThat(RULE.reminderDue(WEEKDAYS, completedFriday, at("2026-06-16T00:00:00"))).isTrue();
	}

	@Test
	void the_default_is_due_when_the_fourth_working_day_after_the_reminder_has_ended() {
		Instant remindedTuesday = at("2026-06-16T00:00:00");
		assertThat(RULE.defaultDue(WEEKDAYS, remindedTuesday, at("2026-06-22T23:59:59"))).isFalse();
		assertThat(RULE.defaultDue(WEEKDAYS, remindedTuesday, at("2026-06-23T00:00:00"))).isTrue();
	}

	@Test
	void the_default_rating_is_satisfied_and_no_rater_may_claim_it() {
		assertThat(RULE.level()).isEqualTo(Level.SATISFIED);
		assertThatThrownBy(() -> DefaultRating.notClaimedByARater(Channel.DEFAULT)).extracting("code")
			.isEqualTo("DEFAULT_CHANNEL");
		assertThatCode(() -> DefaultRating.notClaimedByARater(Channel.SMS)).doesNotThrowAnyException();
	}
}
