package org.hcp.analytics;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The office's dashboard as JSON: one call, every panel. Translates HTTP only; {@link Dashboard} decides. */
@RestController
@Tag(name = "dashboard 统计看板")
class DashboardController {

	private final Dashboard dashboard;

	DashboardController(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/api/v1/dashboard")
	@Operation(summary = "Every panel of the dashboard for a region in the caller's scope (default: the caller's own; a "
			+ "department handler always gets their department) and a period (2026, 2026Q3, 2026-07, 2026-07-15, "
			+ "2026-07-01..2026-07-31; default: this quarter): headline figures with definitions, trend, levels, "
			+ "channels, bad-review reasons, items with most bad reviews, overdue orders, ranking and drill-down")
	DashboardView dashboard(@RequestParam(required = false) String region,
			@RequestParam(required = false) String period) {
		return dashboard.view(region, period);
	}
}
