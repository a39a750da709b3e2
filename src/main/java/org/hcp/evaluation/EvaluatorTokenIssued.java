package org.hcp.evaluation;

import java.time.Instant;

/**
 * A hall system asked for an evaluator token for a device 评价器 right after a service: the device's page can now
 * show the five buttons for that service. Published synchronously, in the request that issued the token.
 *
 * @param token the signed token, as the device will send it back
 */
public record EvaluatorTokenIssued(String deviceId, String token, String caseNo, int serviceNo, String windowCode,
		String staffNo, Instant expiresAt) {
}
