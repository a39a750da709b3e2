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
 * a reference registered with {@link #failOnce} throws, as a carrier that is briefly down would.
 */
@Component
@ConditionalOnProperty(name = "hcp.sms.adapter", havingValue = "fails-once")
class FailingOnceSmsGateway implements SmsGateway {

	private final TableSmsGateway table;
	private final Set<String> failing = ConcurrentHashMap.newKeySet();
	final AtomicInteger failures = new AtomicInteger();

	FailingOnceSmsGateway(JdbcClient jdbc, PersonalData personal, Clock clock) {
		this.table = new TableSmsGateway(jdbc, personal, clock);
	}

	void failOnce(String reference) {
		failing.add(reference);
	}

	@Override
	public String send(OutboundSms message) {
		if (message.reference() != null && failing.remove(message.reference())) {
			failures.incrementAndGet();
			throw new IllegalStateException("carrier unavailable (test) for " + message.reference());
		}
		return table.send(message);
	}
}
