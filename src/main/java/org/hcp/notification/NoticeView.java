package org.hcp.notification;

import java.time.Instant;

/**
 * An in-app message as its reader sees it: the text in their language, the order it is about, and whether they read
 * it. {@code to} says which of the reader's addressees it came through (USER, DEPARTMENT, STAFF, OFFICE).
 */
record NoticeView(long id, String topic, String text, Long orderId, String orderNo, String step, Instant deadline,
		String to, Instant at, boolean read, Instant readAt) {
}
