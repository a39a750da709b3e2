package org.hcp.evaluation;

import java.time.Duration;

import org.hcp.evaluation.rules.DefaultRating;
import org.hcp.shared.Level;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The numbers of the rating rules (domain §6.4), each a default an administrator may change.
 *
 * @param remindAfter working days after completion before the reminder SMS
 * @param defaultAfterReminder working days after the reminder before the default rating
 * @param defaultLevel stars of the default rating (4 = 满意)
 * @param sealEvery how often new ratings are sealed into the hash chain
 */
@ConfigurationProperties("hcp.evaluation")
record EvaluationProperties(@DefaultValue("1") int remindAfter, @DefaultValue("4") int defaultAfterReminder,
		@DefaultValue("4") int defaultLevel, @DefaultValue("2s") Duration sealEvery) {

	DefaultRating defaultRating() {
		return new DefaultRating(remindAfter, defaultAfterReminder, Level.ofStars("hcp.evaluation.default-level", defaultLevel));
	}
}
