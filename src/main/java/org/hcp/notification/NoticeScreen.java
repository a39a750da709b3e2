package org.hcp.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.ChinaTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The screen of a person's messages (站内消息) at {@code /app/notices}, with the failed sends for the office, and the
 * unread badge {@code /app/notices/badge} that the layout can load with htmx. Marking read works with htmx (the item
 * is swapped and {@code notices-changed} is triggered, so a badge listening for it reloads) and as a plain form.
 */
@Controller
class NoticeScreen {

	static final int PAGE = 50;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notices notices;

	NoticeScreen(Notices notices) {
		this.notices = notices;
	}

	/** One message as the screen shows it; times in China time. */
	record Line(long id, String text, Long orderId, String orderNo, String at, boolean read, String readAt) {

		static Line of(NoticeView n) {
			return new Line(n.id(), n.text(), n.orderId(), n.orderNo(), time(n.at()), n.read(), time(n.readAt()));
		}
	}

	/** One failed delivery as the screen shows it. */
	record FailedLine(String purpose, String reference, String regionCode, String to, String error, int attempts,
			String lastFailedAt, String state, String resolvedAt) {

		static FailedLine of(FailedSend f) {
			return new FailedLine(f.purpose(), f.reference(), f.regionCode(), f.to(), f.error(), f.attempts(),
					time(f.lastFailedAt()), f.state().name(), time(f.resolvedAt()));
		}
	}

	@GetMapping("/app/notices")
	String page(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) Long before,
			Model model) {
		List<Line> lines = notices.mine(unread, before, PAGE).stream().map(Line::of).toList();
		model.addAttribute("lines", lines);
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("unread", notices.unreadCount());
		model.addAttribute("older", lines.size() == PAGE ? lines.get(lines.size() - 1).id() : null);
		if (seesFailedSends()) {
			model.addAttribute("failedSends",
					notices.failedSends(null, PAGE).stream().map(FailedLine::of).toList());
		}
		return "notices/page";
	}

	@GetMapping("/app/notices/badge")
	String badge(Model model) {
		model.addAttribute("unread", notices.unreadCount());
		return "notices/badge :: badge";
	}

	@PostMapping("/app/notices/{id}/read")
	String read(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			HttpServletResponse response, Model model) {
		Line line = Line.of(notices.markRead(id));
		if (htmx == null) {
			return "redirect:/app/notices";
		}
		response.setHeader("HX-Trigger", "notices-changed");
		model.addAttribute("n", line);
		return "notices/page :: item";
	}

	@PostMapping("/app/notices/read-all")
	String readAll() {
		notices.markAllRead();
		return "redirect:/app/notices";
	}

	private static boolean seesFailedSends() {
		return Caller.current().map(c -> c.has(Role.OFFICE) || c.has(Role.ADMIN)).orElse(false);
	}

	private static String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant.atZone(ChinaTime.ZONE));
	}
}
