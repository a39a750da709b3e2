package org.hcp.notification;

import java.util.Optional;
import java.util.function.Supplier;

import org.hcp.cases.CaseView;
import org.hcp.cases.Cases;
import org.hcp.evaluation.RatingInvitationDue;
import org.hcp.evaluation.RatingReminderDue;
import org.hcp.evaluation.SmsReplyDue;
import org.hcp.privacy.Mobile;
import org.hcp.privacy.PersonalData;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Sends the SMS that rating asks for: invitations, reminders and answers to replies. Runs after the announcing
 * transaction committed. Idempotent by each event's delivery key; a failed send is recorded and retried
 * ({@link SmsDeliveries}). The listeners hold no transaction of their own: each delivery opens its own (claim and
 * send), and a failure is recorded in another, so a send needs one connection at a time.
 */
@Component
class RatingSms {

	private final Cases cases;
	private final SmsDeliveries deliveries;
	private final PersonalData personal;

	RatingSms(Cases cases, SmsDeliveries deliveries, PersonalData personal) {
		this.cases = cases;
		this.deliveries = deliveries;
		this.personal = personal;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RatingInvitationDue due) {
		deliver(due.deliveryKey(), "INVITATION", due.caseNo(), () -> cases.applicantMobile(due.caseId()), due.text());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RatingReminderDue due) {
		deliver(due.deliveryKey(), "REMINDER", due.caseNo(), () -> cases.applicantMobile(due.caseId()), due.text());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SmsReplyDue due) {
		deliver(due.deliveryKey(), "REPLY", due.caseNo(),
				() -> Optional.ofNullable(personal.decrypt(due.encryptedMobile())).map(Mobile::new), due.text());
	}

	private void deliver(String key, String purpose, String caseNo, Supplier<Optional<Mobile>> to, String text) {
		deliveries.deliver(new SmsDelivery(key, purpose, caseNo, to, text, () -> regionOf(caseNo), false));
	}

	private String regionOf(String caseNo) {
		return caseNo == null ? null : cases.find(caseNo).map(CaseView::region).map(Object::toString).orElse(null);
	}
}
