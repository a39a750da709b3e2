package org.hcp.web;

import java.util.Set;

import org.hcp.security.SecurityProperties;
import org.hcp.security.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page of the screens. Spring Security takes the posted form ({@code POST /login}, with its CSRF
 * token) and answers a refusal by coming back here with {@code ?error=bad|locked|disabled}.
 */
@Controller
class LoginController {

	private static final Set<String> REASONS = Set.of("bad", "locked", "disabled");

	private final long lockMinutes;

	LoginController(SecurityProperties security) {
		this.lockMinutes = Math.max(1, security.lockout().lockFor().toMinutes());
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			@RequestParam(required = false) String expired, Model model) {
		if (SignedIn.current().isPresent()) {
			return "redirect:/app";
		}
		if (error != null) {
			model.addAttribute("problem", "login.error." + (REASONS.contains(error) ? error : "bad"));
			model.addAttribute("lockMinutes", lockMinutes);
		}
		else if (expired != null) {
			model.addAttribute("notice", "login.expired");
		}
		else if (logout != null) {
			model.addAttribute("notice", "login.loggedOut");
		}
		return "login";
	}
}
