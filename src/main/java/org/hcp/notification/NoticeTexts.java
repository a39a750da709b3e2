package org.hcp.notification;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.hcp.shared.ChinaTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The text of an in-app message in the reader's language, from {@code notice.topic.*} in messages*.properties:
 * {0} the order number, {1} the step (its {@code notice.step.*} name, or as the event named it), {2} the deadline
 * in China time.
 */
@Component
class NoticeTexts {

	private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	NoticeTexts(MessageSource messages) {
		this.messages = messages;
	}

	NoticeView view(StoredNotice n) {
		return new NoticeView(n.id(), n.topic().name(), text(n), n.orderId(), n.orderNo(), n.step(), n.deadline(),
				n.to().kind().name(), n.at(), n.read(), n.readAt());
	}

	String text(StoredNotice n) {
		Locale locale = LocaleContextHolder.getLocale();
		String step = n.step() == null ? "" : messages.getMessage("notice.step." + n.step(), null, n.step(), locale);
		String deadline = n.deadline() == null ? "" : DEADLINE.format(n.deadline().atZone(ChinaTime.ZONE));
		return messages.getMessage(n.topic().messageKey(), new Object[] { n.orderNo(), step, deadline }, locale);
	}
}
