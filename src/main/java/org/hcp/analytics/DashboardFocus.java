package org.hcp.analytics;

import java.util.List;

import org.hcp.security.RegionScope;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * What a caller's dashboard is about, by their data scope 数据范围 (ADR 0029): a region within their scope (their own
 * region when none is asked for; an installation-wide caller starts at the first province) — or, for a department
 * handler, always their own department (a region asked for is ignored: a department's figures are its own wherever
 * its ratings come from). A region outside the scope is refused with 403 before anyone learns whether it exists;
 * an unknown one inside it is 404; a malformed code 400.
 */
@Component
class DashboardFocus {

	/** The subject, and the way back up to the caller's top region. */
	record Resolved(Subject subject, List<DashboardView.Crumb> breadcrumb) {
	}

	private final DashboardPlaces places;

	DashboardFocus(DashboardPlaces places) {
		this.places = places;
	}

	Resolved resolve(String regionText) {
		RegionScope scope = RegionScope.current();
		if (scope.department().isPresent()) {
			return new Resolved(Subject.of(Dimension.DEPARTMENT, scope.department().get()), List.of());
		}
		RegionCode region = regionText == null || regionText.isBlank() ? home(scope) : parse(regionText);
		scope.require("region", region);
		if (places.find(region).isEmpty()) {
			throw HcpException.notFound("region", "REGION_UNKNOWN", "没有该行政区划：" + region,
					"No such region: " + region);
		}
		RegionCode top = scope.region().orElse(province(region));
		List<DashboardView.Crumb> crumbs = places.path(top, region)
			.stream()
			.map(p -> new DashboardView.Crumb(p.code(), p.name(), p.level()))
			.toList();
		return new Resolved(Subject.region(region.value()), crumbs);
	}

	/** A region code as typed: 6 or 12 digits, else 400. */
	static RegionCode parse(String text) {
		try {
			return RegionCode.parse("region", text);
		}
		catch (HcpException e) {
			throw HcpException.badRequest("region", "BAD_REGION_CODE", "region 应为12位行政区划代码（6位代码补零）",
					"region must be a 12-digit region code (6-digit codes are padded with zeros)");
		}
	}

	private RegionCode home(RegionScope scope) {
		return scope.region().orElseGet(() -> places.provinces()
			.stream()
			.findFirst()
			.map(p -> new RegionCode(p.code()))
			.orElseThrow(() -> HcpException.notFound("region", "REGION_UNKNOWN", "尚未登记任何行政区划",
					"No region is registered yet")));
	}

	private static RegionCode province(RegionCode region) {
		return new RegionCode(region.value().substring(0, 2) + "0".repeat(10));
	}
}
