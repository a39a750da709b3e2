package org.hcp.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hcp.cases.Cases;
import org.hcp.privacy.Mobile;
import org.hcp.rectification.RaterReplied;
import org.hcp.rectification.WorkOrders;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The answer to a rater (反馈, domain §7): one SMS with the department's reply and the link to the status page, to
 * the rater's own mobile when the rating recorded one, otherwise to the applicants of the rated cases — once per
 * distinct mobile when a batch or chain names several. Idempotent by the reply's delivery key; a failed send is
 * recorded, shown to the office of the order's region and retried; an order with nobody to send to is recorded as
 * undeliverable. Like {@link RatingSms}, the listener holds no transaction: each delivery has its own.
 */
@Component
class FeedbackSms {

	static final String PURPOSE = "FEEDBACK";
	private static final int SMS_LENGTH = 500;

	private final WorkOrders workOrders;
	private final Cases cases;
	private final SmsDeliveries deliveries;
	private final KnownOrders orders;
	private final NotificationProperties properties;

	FeedbackSms(WorkOrders workOrders, Cases cases, SmsDeliveries deliveries, KnownOrders orders,
			NotificationProperties properties) {
		this.workOrders = workOrders;
		this.cases = cases;
		this.deliveries = deliveries;
		this.orders = orders;
		this.properties = properties;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RaterReplied e) {
		String text = text(e.text(), e.statusLink() == null ? "" : e.statusLink());
		List<Mobile> recipients = recipients(e);
		if (recipients.isEmpty()) {
			deliveries.deliver(delivery(e, e.deliveryKey(), Optional.empty(), text));
			return;
		}
		List<SmsNotSent> failed = new ArrayList<>();
		for (int i = 0; i < recipients.size(); i++) {
			// the first recipient keeps the reply's own key: a reply about one case is delivered under exactly that key
			String key = i == 0 ? e.deliveryKey() : e.deliveryKey() + "#" + (i + 1);
			try {
				deliveries.deliver(delivery(e, key, Optional.of(recipients.get(i)), text));
			}
			catch (SmsNotSent notSent) {
				failed.add(notSent);
			}
		}
		if (!failed.isEmpty()) {
			throw failed.get(0);
		}
	}

	private SmsDelivery delivery(RaterReplied e, String key, Optional<Mobile> to, String text) {
		return new SmsDelivery(key, PURPOSE, e.orderNo(), () -> to, text, () -> orders.regionOf(e.orderId()).orElse(null),
				true);
	}

	/** The rater's own mobile; without one, the distinct mobiles of the cases' applicants, in the order of the cases. */
	private List<Mobile> recipients(RaterReplied e) {
		Optional<Mobile> rater = workOrders.raterMobileForSms(e.orderId());
		if (rater.isPresent()) {
			return List.of(rater.get());
		}
		Set<Mobile> mobiles = new LinkedHashSet<>();
		for (Long caseId : e.caseIds() == null ? List.<Long>of() : e.caseIds()) {
			cases.applicantMobile(caseId).ifPresent(mobiles::add);
		}
		return List.copyOf(mobiles);
	}

	/** The configured SMS with the reply shortened, if need be, so that the link always fits. */
	private String text(String reply, String link) {
		String template = properties.feedbackSms();
		String answer = reply == null ? "" : reply.strip();
		int room = SMS_LENGTH - template.replace("{reply}", "").replace("{link}", link).length();
		if (answer.length() > room) {
			answer = answer.substring(0, Math.max(0, room - 1)) + "…";
		}
		return template.replace("{link}", link).replace("{reply}", answer);
	}
}
