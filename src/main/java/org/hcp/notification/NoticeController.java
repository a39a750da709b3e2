package org.hcp.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hcp.shared.HcpException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** In-app messages 站内消息 of the signed-in person, and failed sends for the office. */
@RestController
@Tag(name = "notification 消息通知")
class NoticeController {

	private final Notices notices;

	NoticeController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/api/v1/notices")
	@Operation(summary = "My messages, newest first (to me, my department, my staff number, my region's office)")
	Map<String, Object> mine(@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int limit) {
		List<NoticeView> list = notices.mine(unread, before, limit);
		return Map.of("notices", list, "unread", notices.unreadCount());
	}

	@GetMapping("/api/v1/notices/unread-count")
	@Operation(summary = "How many of my messages are unread")
	Map<String, Long> unread() {
		return Map.of("unread", notices.unreadCount());
	}

	@PostMapping("/api/v1/notices/{id}/read")
	@Operation(summary = "Mark one of my messages read (404 when it is not mine)")
	NoticeView read(@PathVariable long id) {
		return notices.markRead(id);
	}

	@PostMapping("/api/v1/notices/read-all")
	@Operation(summary = "Mark all my messages read")
	Map<String, Integer> readAll() {
		return Map.of("marked", notices.markAllRead());
	}

	@GetMapping("/api/v1/notices/failed-sends")
	@Operation(summary = "SMS whose send failed: UNSENT (being retried), RESOLVED, UNDELIVERABLE; office and admin")
	Map<String, List<FailedSend>> failedSends(@RequestParam(required = false) String state,
			@RequestParam(defaultValue = "50") int limit) {
		return Map.of("failedSends", notices.failedSends(state(state), limit));
	}

	static FailedSend.State state(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return FailedSend.State.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw HcpException.invalid("state", "BAD_STATE", "state 应为 UNSENT、RESOLVED 或 UNDELIVERABLE",
					"state must be UNSENT, RESOLVED or UNDELIVERABLE");
		}
	}
}
