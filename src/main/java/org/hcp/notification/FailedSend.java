package org.hcp.notification;

import java.time.Instant;

/**
 * A delivery that failed at least once, as the office sees it: the latest failure, how many attempts failed, and
 * where it stands now. The recipient is masked.
 */
record FailedSend(String deliveryKey, String purpose, String reference, String regionCode, String to, String error,
		int attempts, Instant lastFailedAt, State state, Instant resolvedAt) {

	enum State {
		/** failed and not sent yet; retried on the resubmission schedule */
		UNSENT,
		/** a later attempt sent it */
		RESOLVED,
		/** nobody to send to (no mobile on record): not retried, the person has to be reached another way */
		UNDELIVERABLE
	}
}
