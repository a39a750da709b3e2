package org.hcp.notification;

import java.time.Instant;

/**
 * One in-app message to store: for whom, about what, and the facts its text shows. {@code key} is unique per event
 * and addressee, so a re-delivered event stores nothing new.
 */
record Notice(String key, Addressee to, NoticeTopic topic, Long orderId, String orderNo, String step,
		Instant deadline, Instant at) {
}
