package org.hcp.doors;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One-time SMS codes.
 *
 * @param validFor how long a code is good
 * @param maxAttempts wrong tries after which a code is void
 * @param minInterval the least time between two requests for one mobile
 * @param maxPerDay requests per mobile per (rolling) day
 */
@ConfigurationProperties("hcp.doors.one-time-code")
record OneTimeCodeProperties(@DefaultValue("5m") Duration validFor, @DefaultValue("5") int maxAttempts,
		@DefaultValue("60s") Duration minInterval, @DefaultValue("10") int maxPerDay) {
}
