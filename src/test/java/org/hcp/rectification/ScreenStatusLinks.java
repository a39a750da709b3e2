package org.hcp.rectification;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only: the rater's status link of each reply, as the SMS to the rater carries it, for the browser walk-through
 * (only the link's hash is stored, and the department never sees it).
 */
@Component
public class ScreenStatusLinks {

	private static final Map<Long, String> LINKS = new ConcurrentHashMap<>();

	@EventListener
	void on(RaterReplied replied) {
		LINKS.put(replied.orderId(), replied.statusLink());
	}

	/** The link of the latest reply of this order, if one was sent. */
	public static Optional<String> of(long orderId) {
		return Optional.ofNullable(LINKS.get(orderId));
	}
}
