package org.hcp.analytics;

import org.hcp.shared.HcpException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** The public statistics page {@code /public/statistics}: no sign-in, the same table as the open data. */
@Controller
class PublicStatisticsScreen {

	private final Disclosure disclosure;

	PublicStatisticsScreen(Disclosure disclosure) {
		this.disclosure = disclosure;
	}

	@GetMapping("/public/statistics")
	String page(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
			Model model, HttpServletResponse response) {
		model.addAttribute("region", region);
		model.addAttribute("period", period);
		try {
			DisclosureTable table = disclosure.table(region, period);
			model.addAttribute("table", table);
			model.addAttribute("region", table.region());
			model.addAttribute("period", table.period());
		}
		catch (HcpException e) {
			response.setStatus(e.status().value());
			model.addAttribute("problem", e.text());
		}
		return "analytics/public";
	}
}
