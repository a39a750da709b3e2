package org.hcp.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.hcp.privacy.Masks;
import org.hcp.privacy.Mobile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each SMS once and records what went wrong. A delivery claims its key in ntf_delivery and sends in one
 * transaction of its own: when the send throws, the claim rolls back, the failure is recorded (ntf_send_failure,
 * recipient masked) in another, and {@link SmsNotSent} leaves the event incomplete, so that
 * {@link ResubmittingFailedEvents} hands it to its listener again; the failure is resolved once a retry has
 * committed the claim. A re-delivered event finds the claim and sends nothing (at least once, not exactly once: see
 * ADR 0010).
 */
@Component
class SmsDeliveries {

	private static final Logger log = LoggerFactory.getLogger(SmsDeliveries.class);
	private static final Pattern MOBILE_IN_TEXT = Pattern.compile("(?<!\\d)1\\d{10}(?!\\d)");
	private static final int ERROR_LENGTH = 500;

	private final SmsGateway gateway;
	private final SendFailures failures;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final TransactionTemplate ownTransaction;

	SmsDeliveries(SmsGateway gateway, SendFailures failures, JdbcClient jdbc, Clock clock,
			PlatformTransactionManager transactions) {
		this.gateway = gateway;
		this.failures = failures;
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void deliver(SmsDelivery d) {
		AtomicReference<Mobile> recipient = new AtomicReference<>();
		try {
			ownTransaction.executeWithoutResult(status -> {
				if (claim(d)) {
					Optional<Mobile> to = d.to().get();
					if (to.isPresent()) {
						recipient.set(to.get());
						gateway.send(new OutboundSms(to.get(), d.text(), d.purpose(), d.reference()));
					}
					else if (d.mustReach()) {
						failures.record(d, null, "NO_MOBILE: no mobile on record, the SMS cannot be sent", false,
								clock.instant());
					}
				}
			});
		}
		catch (RuntimeException e) {
			String error = describe(e);
			Mobile to = recipient.get();
			int attempt = ownTransaction.execute(status -> failures.record(d, to, error, true, clock.instant()));
			log.warn("SMS {} {} to {} failed (attempt {}), to be retried: {}", d.purpose(), d.reference(),
					to == null ? "-" : to.masked(), attempt, error);
			throw new SmsNotSent(d.purpose(), d.reference(), attempt, error);
		}
	}

	private boolean claim(SmsDelivery d) {
		return jdbc.sql("""
				insert into ntf_delivery(delivery_key, purpose, reference, delivered_at)
				values (:key, :purpose, :reference, :now) on conflict do nothing""")
			.param("key", d.key())
			.param("purpose", d.purpose())
			.param("reference", d.reference())
			.param("now", Timestamp.from(clock.instant()))
			.update() == 1;
	}

	/** What failed, with any mobile in it masked, short enough to store. */
	static String describe(RuntimeException e) {
		String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
		String masked = MOBILE_IN_TEXT.matcher(text).replaceAll(m -> Masks.mobile(m.group()));
		return masked.length() <= ERROR_LENGTH ? masked : masked.substring(0, ERROR_LENGTH - 1) + "…";
	}
}
