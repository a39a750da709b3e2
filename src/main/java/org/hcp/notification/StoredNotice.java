package org.hcp.notification;

import java.time.Instant;

/** An in-app message as stored, with whether the reading person has read it ({@code readAt} null: unread). */
record StoredNotice(long id, Addressee to, NoticeTopic topic, Long orderId, String orderNo, String step,
		Instant deadline, Instant at, Instant createdAt, Instant readAt) {

	boolean read() {
		return readAt != null;
	}
}
