package org.hcp.doors;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 自助终端 (pf 5): the kiosk's idle screen {@code /kiosk}; after a self-service transaction the kiosk system gets a
 * KIOSK token and opens {@code /kiosk/{token}} (the rating page in kiosk mode). Every kiosk page clears itself — form,
 * session storage — and returns here after {@code hcp.doors.kiosk.idle} without input (default 60 s), as does the
 * thank-you page, so the next person finds nothing of the last one.
 */
@Controller
class RatingPageKiosk {

	static final String HOME = "/kiosk";

	private final Duration idle;

	RatingPageKiosk(@Value("${hcp.doors.kiosk.idle:60s}") Duration idle) {
		this.idle = idle;
	}

	@GetMapping(HOME)
	String idleScreen() {
		return "doors/kiosk";
	}

	/** Puts the idle timeout on a page of the kiosk (read by the layout and doors-rate.js). */
	void idle(Model model) {
		model.addAttribute("idle", Math.max(1, idle.toSeconds()));
		model.addAttribute("idleHome", HOME);
	}
}
