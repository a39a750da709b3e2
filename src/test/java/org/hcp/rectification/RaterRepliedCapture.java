package org.hcp.rectification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only: keeps the status link of each reply as the notification module receives it, so that tests can open the
 * rater's status page (the link is never returned to the department, and only its hash is stored).
 */
@Component
class RaterRepliedCapture {

	private static final Map<Long, RaterReplied> LATEST = new ConcurrentHashMap<>();

	@EventListener
	void on(RaterReplied replied) {
		LATEST.put(replied.orderId(), replied);
	}

	static RaterReplied latest(long orderId) {
		return LATEST.get(orderId);
	}

	static String token(long orderId) {
		String link = LATEST.get(orderId).statusLink();
		return link.substring(link.lastIndexOf('/') + 1);
	}
}
