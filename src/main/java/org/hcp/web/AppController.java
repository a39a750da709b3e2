package org.hcp.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page of the screens: who is signed in, and where their work is. */
@Controller
class AppController {

	@GetMapping("/app")
	String app() {
		return "app";
	}
}
