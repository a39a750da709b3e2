package org.hcp.notification;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.hcp.privacy.PersonalData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test-only SMS adapter ({@code hcp.sms.adapter=fails-once}): the table adapter, except that the first message about
 * a reference registered with {@link #failOnce} throws, as a carrier that is briefly down would, and every message
 * about a reference registered with {@link #failUntilReleased} throws until {@link #release} — with the mobile in the
 * error, as a careless carrier would write it.
 */
@Component
@ConditionalOnProperty(name = "hcp.sms.adapter", havingValue = "fails-once")
class FailingOnceSmsGateway implements SmsGateway {

	private final TableSmsGateway table;
	private final Set<String> failing = ConcurrentHashMap.newKeySet();
	private final Set<String> down = ConcurrentHashMap.newKeySet();
	final AtomicInteger failures = new AtomicInteger();

	FailingOnceSmsGateway(JdbcClient jdbc, PersonalData personal, Clock clock) {
		this.table = new TableSmsGateway(jdbc, personal, clock);
	}

	void failOnce(String reference) {
		failing.add(reference);
	}

	void failUntilReleased(String reference) {
		down.add(reference);
	}

	void release(String reference) {
		down.remove(reference);
	}

	@Override
	public String send(OutboundSms message) {
		if (message.reference() != null && down.contains(message.reference())) {
			failures.incrementAndGet();
			throw new IllegalStateException("carrier refused " + message.to().value() + " (test) for " + message.reference());
		}
		if (message.reference() != null && failing.remove(message.reference())) {
			failures.incrementAndGet();
			throw new IllegalStateException("carrier unavailable (test) for " + message.reference());
		}
		return table.send(message);
	}
}
