package org.hcp.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the public (keyless) endpoints, each "capacity requests per period", refilled gradually.
 *
 * @param enabled switch every limit off (e.g. behind a gateway that limits already)
 * @param publicPerAddress every public endpoint (public API, health, API docs, start page) per client address
 * @param boundPerAddress {@code POST /api/v1/evaluations/bound} per client address
 * @param boundPerToken {@code POST /api/v1/evaluations/bound} per binding token (a QR code is shared by a window)
 * @param evaluatorPerAddress the hall evaluators' tablets ({@code /evaluator/**}) per client address: a hall's tablets
 * often share one address, each asking for its next service every two seconds
 * @param maxTrackedClients how many addresses and tokens are remembered per limit (least recently seen dropped)
 */
@ConfigurationProperties("hcp.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue({ "600", "1m" }) Limit publicPerAddress,
		@DefaultValue({ "60", "1m" }) Limit boundPerAddress,
		@DefaultValue({ "30", "1m" }) Limit boundPerToken,
		@DefaultValue({ "6000", "1m" }) Limit evaluatorPerAddress,
		@DefaultValue("100000") int maxTrackedClients) {

	/** {@code capacity} requests per {@code period}. */
	record Limit(int capacity, Duration period) {
	}
}
