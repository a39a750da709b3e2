package org.hcp.notification;

import java.util.Optional;
import java.util.function.Supplier;

import org.hcp.privacy.Mobile;

/**
 * One SMS to deliver once: {@code key} identifies it across re-deliveries of its event, {@code to} is looked up only
 * when it is sent (the mobile never travels in a stored event), {@code region} only when a send fails (to show the
 * failure to the office of that region). {@code mustReach}: a delivery that finds no mobile is recorded as
 * undeliverable, so the office knows the person was not told (an answer to a rater); otherwise it is skipped quietly
 * (an invitation to rate).
 */
record SmsDelivery(String key, String purpose, String reference, Supplier<Optional<Mobile>> to, String text,
		Supplier<String> region, boolean mustReach) {
}
