package org.hcp.web;

import java.util.List;

import org.hcp.doors.DemoDoors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what the system is, where raters and staff go in, and where its API lives. */
@Controller
class HomeController {

	private final ObjectProvider<DemoDoors> demo;

	HomeController(ObjectProvider<DemoDoors> demo) {
		this.demo = demo;
	}

	@GetMapping("/")
	String home(Model model) {
		DemoDoors doors = demo.getIfAvailable();
		model.addAttribute("demoDoors", doors == null ? List.of() : doors.links());
		model.addAttribute("demoMobile", DemoDoors.PORTAL_MOBILE);
		return "home";
	}
}
