package org.hcp.evaluation;

import java.time.Instant;

/**
 * What a signed binding token says. Device (evaluator) tokens bind one case and service event; QR tokens bind a
 * window and a staff member. Ratings made with a token are attributed from it, not from the client.
 *
 * @param issuedBy the API key that asked for the token; stored as the submitter of the ratings made with it
 */
record BindingToken(Kind kind, String caseNo, Integer serviceNo, String windowCode, String staffNo, String deviceId,
		Instant expiresAt, String nonce, Long issuedBy) {

	BindingToken(Kind kind, String caseNo, Integer serviceNo, String windowCode, String staffNo, String deviceId,
			Instant expiresAt, String nonce) {
		this(kind, caseNo, serviceNo, windowCode, staffNo, deviceId, expiresAt, nonce, null);
	}

	/** The same claims, issued for this API key. */
	BindingToken withIssuer(Long keyId) {
		return new BindingToken(kind, caseNo, serviceNo, windowCode, staffNo, deviceId, expiresAt, nonce, keyId);
	}

	enum Kind {
		/** 评价器/平板: bound to a case and service event */
		DEVICE,
		/** 二维码: bound to a window and staff member */
		QR,
		/** 自助终端: bound to a case and service event, like DEVICE, after a self-service transaction */
		KIOSK,
		/** the case receipt's code 办件回执二维码: names the case only; the rater proves to be its applicant */
		CASE;

		/** Bound to one service event: the rater proves nothing, the token says what is rated. */
		boolean bindsService() {
			return this == DEVICE || this == KIOSK;
		}
	}
}
