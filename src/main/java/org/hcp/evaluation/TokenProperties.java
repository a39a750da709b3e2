package org.hcp.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secret HMAC-SM3 key for binding tokens, at least 32 bytes; derived from the personal-data key when empty
 * @param deviceValidFor how long an evaluator token stays valid after the service
 * @param qrValidFor how long a window QR token stays valid (reprint the code after that)
 */
@ConfigurationProperties("hcp.tokens")
record TokenProperties(String secret, @DefaultValue("30m") Duration deviceValidFor,
		@DefaultValue("1d") Duration qrValidFor) {

	static final int MIN_SECRET_BYTES = 32;

	TokenProperties {
		if (secret != null && !secret.isBlank() && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("hcp.tokens.secret (HCP_TOKEN_SECRET) has "
					+ secret.getBytes(StandardCharsets.UTF_8).length + " bytes; a binding-token secret needs at least "
					+ MIN_SECRET_BYTES + " (e.g. openssl rand -base64 32), or leave it empty to derive one from the "
					+ "personal-data key");
		}
	}
}
