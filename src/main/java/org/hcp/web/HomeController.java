package org.hcp.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what the system is, and where its API lives. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}
}
