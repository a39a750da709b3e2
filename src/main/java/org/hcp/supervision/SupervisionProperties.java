package org.hcp.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The numbers of supervision (domain §9), each a default an administrator may change.
 *
 * @param sample how large a quarterly revisit sample is, and the salt of its seed
 * @param unreachableAfter unanswered calls after which a rater counts as unreachable (不可联系)
 */
@ConfigurationProperties("hcp.supervision")
record SupervisionProperties(@DefaultValue Sample sample, @DefaultValue("3") int unreachableAfter) {

	SupervisionProperties {
		if (unreachableAfter < 1) {
			throw new IllegalArgumentException("hcp.supervision.unreachable-after must be at least 1");
		}
	}

	/**
	 * @param percent share of the quarter's completed cases drawn at random, in per cent
	 * @param min at least this many (or every case, when there are fewer)
	 * @param max at most this many random picks
	 * @param perTargetedItem targeted picks per named service item, on top of the random ones
	 * @param salt mixed into the seed with the region and the quarter; disclosed to auditors (ADR 0018)
	 */
	record Sample(@DefaultValue("5") int percent, @DefaultValue("10") int min, @DefaultValue("300") int max,
			@DefaultValue("10") int perTargetedItem, @DefaultValue("hcp-quarterly-revisit") String salt) {

		SampleSize size() {
			return new SampleSize(percent, min, max);
		}
	}

	UnreachableAfterAttempts unreachable() {
		return new UnreachableAfterAttempts(unreachableAfter);
	}
}
