package org.hcp.exchange;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.hcp.shared.Bilingual;

/**
 * The office screen of the push upward at {@code /app/exchange} (OFFICE, ADMIN; the caller's region): the backlog,
 * and the records the upper platform refused or that could not be delivered, with its answer, attempts and last
 * attempt. Administrators have a 补报 button that makes every failed record due now.
 */
@Controller
class OutboxScreen {

	static final int PAGE = 100;

	private final OutboxStore store;
	private final BacklogView backlog;
	private final PushTarget target;
	private final Clock clock;

	OutboxScreen(OutboxStore store, BacklogView backlog, PushTarget target, Clock clock) {
		this.store = store;
		this.backlog = backlog;
		this.target = target;
		this.clock = clock;
	}

	@GetMapping("/app/exchange")
	String page(@RequestParam(required = false) String region, @RequestParam(required = false) String queued,
			Model model) {
		String prefix = prefixFor(region);
		List<Map<String, Object>> failures = store.page(Optional.of("FAILED"), prefix, 0, PAGE).stream()
			.map(OutboxEndpoints::view)
			.toList();
		model.addAttribute("failures", failures);
		model.addAttribute("failedTotal", store.count(Optional.of("FAILED"), prefix));
		model.addAttribute("backlog", backlog.now());
		model.addAttribute("hasUpper", target.exists());
		model.addAttribute("canResend", Caller.current().map(c -> c.has(Role.ADMIN)).orElse(false));
		model.addAttribute("region", region == null ? "" : region);
		model.addAttribute("queued", queued);
		return "exchange/outbox";
	}

	@PostMapping("/app/exchange/resend")
	@Transactional
	String resend() {
		if (!Caller.current().map(c -> c.has(Role.ADMIN)).orElse(false)) {
			throw new HcpException(HttpStatus.FORBIDDEN, "ROLE_REQUIRED",
					Bilingual.of("补报需要管理员角色", "A re-send needs the administrator role"), List.of());
		}
		String by = Caller.current().map(Caller::name).orElse("system");
		int queued = store.resendFailed("", clock.instant(), by);
		return "redirect:/app/exchange?queued=" + queued;
	}

	private static String prefixFor(String region) {
		RegionScope scope = RegionScope.current();
		if (region == null || region.isBlank()) {
			return scope.region().map(RegionCode::prefix).orElse("");
		}
		RegionCode code = RegionCode.parse("region", region);
		scope.require("region", code);
		return code.prefix();
	}
}
