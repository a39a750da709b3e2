package org.hcp.notification;

/**
 * A send that failed, as the event listener reports it so that its publication stays incomplete and is retried. Its
 * message is masked and it keeps no cause: a carrier's exception may quote the mobile, and this one ends up in logs.
 */
class SmsNotSent extends RuntimeException {

	SmsNotSent(String purpose, String reference, int attempt, String error) {
		super("SMS " + purpose + " " + reference + " not sent (attempt " + attempt + "), to be retried: " + error, null,
				false, false);
	}
}
