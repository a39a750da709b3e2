package org.hcp.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import org.hcp.cases.Cases;
import org.hcp.evaluation.RatingInvitationDue;
import org.hcp.evaluation.RatingReminderDue;
import org.hcp.evaluation.SmsReplyDue;
import org.hcp.privacy.Mobile;
import org.hcp.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the SMS that rating asks for: invitations, reminders and answers to replies. Runs after the announcing
 * transaction committed, in its own. Idempotent: each delivery key is recorded with the send in one transaction, so
 * a re-delivered event sends nothing, and a failed send records nothing and is retried (see
 * {@link ResubmittingFailedEvents}).
 */
@Component
class RatingSms {

	private final Cases cases;
	private final SmsGateway gateway;
	private final PersonalData personal;
	private final JdbcClient jdbc;
	private final Clock clock;

	RatingSms(Cases cases, SmsGateway gateway, PersonalData personal, JdbcClient jdbc, Clock clock) {
		this.cases = cases;
		this.gateway = gateway;
		this.personal = personal;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(RatingInvitationDue due) {
		deliver(due.deliveryKey(), "INVITATION", due.caseNo(), () -> cases.applicantMobile(due.caseId()), due.text());
	}

	@ApplicationModuleListener
	void on(RatingReminderDue due) {
		deliver(due.deliveryKey(), "REMINDER", due.caseNo(), () -> cases.applicantMobile(due.caseId()), due.text());
	}

	@ApplicationModuleListener
	void on(SmsReplyDue due) {
		deliver(due.deliveryKey(), "REPLY", due.caseNo(),
				() -> Optional.ofNullable(personal.decrypt(due.encryptedMobile())).map(Mobile::new), due.text());
	}

	private void deliver(String key, String purpose, String reference, Supplier<Optional<Mobile>> to, String text) {
		int fresh = jdbc.sql("""
				insert into ntf_delivery(delivery_key, purpose, reference, delivered_at)
				values (:key, :purpose, :reference, :now) on conflict do nothing""")
			.param("key", key)
			.param("purpose", purpose)
			.param("reference", reference)
			.param("now", Timestamp.from(clock.instant()))
			.update();
		if (fresh == 1) {
			to.get().ifPresent(mobile -> gateway.send(new OutboundSms(mobile, text, purpose, reference)));
		}
	}
}
