package org.hcp.notification;

import java.time.Clock;
import java.util.List;

import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The façade of in-app messages and failed sends. A person reads only what is addressed to them ({@link Inbox}),
 * inside their {@link RegionScope}; failed sends are for the office (of the failure's region and the regions below)
 * and the admin.
 */
@Service
class Notices {

	static final int MAX_PAGE = 200;

	private final NoticeStore store;
	private final SendFailures failures;
	private final NoticeTexts texts;
	private final Clock clock;

	Notices(NoticeStore store, SendFailures failures, NoticeTexts texts, Clock clock) {
		this.store = store;
		this.failures = failures;
		this.texts = texts;
		this.clock = clock;
	}

	/** The caller's messages, newest first. */
	@Transactional(readOnly = true)
	List<NoticeView> mine(boolean unreadOnly, Long before, int limit) {
		return store.list(inbox(), RegionScope.current(), unreadOnly, before, page(limit)).stream().map(texts::view)
			.toList();
	}

	@Transactional(readOnly = true)
	long unreadCount() {
		return store.unread(inbox(), RegionScope.current());
	}

	/** Marks one of the caller's messages read: 404 for a message that is not theirs (whether or not it exists). */
	@Transactional
	NoticeView markRead(long id) {
		Inbox inbox = inbox();
		RegionScope scope = RegionScope.current();
		store.find(inbox, scope, id).orElseThrow(() -> notFound(id));
		store.markRead(inbox, id, clock.instant());
		return texts.view(store.find(inbox, scope, id).orElseThrow(() -> notFound(id)));
	}

	@Transactional
	int markAllRead() {
		return store.markAllRead(inbox(), RegionScope.current(), clock.instant());
	}

	/** Failed and still unsent (or resolved, or undeliverable) SMS: office and admin only, within their region. */
	@Transactional(readOnly = true)
	List<FailedSend> failedSends(FailedSend.State state, int limit) {
		Caller.requireAny(Role.OFFICE);
		return failures.list(RegionScope.current(), state, page(limit));
	}

	private static Inbox inbox() {
		return Inbox.of(Caller.current());
	}

	private static int page(int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw HcpException.invalid("limit", "BAD_LIMIT", "limit 应在 1 到 " + MAX_PAGE + " 之间",
					"limit must be between 1 and " + MAX_PAGE);
		}
		return limit;
	}

	private static HcpException notFound(long id) {
		return HcpException.notFound("id", "UNKNOWN_NOTICE", "没有这条消息：" + id, "No message " + id);
	}
}
