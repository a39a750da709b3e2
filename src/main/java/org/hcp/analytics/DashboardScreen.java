package org.hcp.analytics;


import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The dashboard screen {@code /app/dashboard}: every number rendered on the server (useful without scripts), and the
 * same JSON as {@code /api/v1/dashboard} at {@code /app/dashboard/data} for the charts, read with the signed-in
 * session (the API itself takes keys and Basic, not the screens' session).
 */
@Controller
class DashboardScreen {

	/** The filters as shown again. */
	record Filter(String region, String period) {
	}

	private final Dashboard dashboard;

	DashboardScreen(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/app/dashboard")
	String page(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
			Model model, HttpServletResponse response) {
		model.addAttribute("filter", new Filter(region, period));
		model.addAttribute("shortcuts", dashboard.shortcuts());
		try {
			DashboardView view = dashboard.view(region, period);
			model.addAttribute("view", view);
			model.addAttribute("filter", new Filter(view.focus().dimension() == Dimension.REGION ? view.focus().key()
					: null, view.period().label()));
			model.addAttribute("asOf", ChinaTime.format(view.asOf()));
		}
		catch (HcpException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			response.setStatus(e.status().value());
			model.addAttribute("problem", e.text());
			model.addAttribute("problemFields", e.fields());
		}
		return "analytics/dashboard";
	}

	@GetMapping("/app/dashboard/data")
	@ResponseBody
	DashboardView data(@RequestParam(required = false) String region, @RequestParam(required = false) String period) {
		return dashboard.view(region, period);
	}
}
