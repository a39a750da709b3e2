package org.hcp.evaluation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secret HMAC-SM3 key for binding tokens; derived from the personal-data key when empty
 * @param deviceValidFor how long an evaluator token stays valid after the service
 * @param qrValidFor how long a window QR token stays valid (reprint the code after that)
 */
@ConfigurationProperties("hcp.tokens")
record TokenProperties(String secret, @DefaultValue("30m") Duration deviceValidFor,
		@DefaultValue("1d") Duration qrValidFor) {
}
