package org.hcp.analytics;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Locale;

import org.hcp.security.Caller;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;

/** The parameters of the ranking endpoints and screen, read once: bad input is a 400 naming its field. */
final class RankingParams {

	private RankingParams() {
	}

	static RankingKind kind(String text) {
		if (text == null || text.isBlank()) {
			return RankingKind.REGION;
		}
		try {
			return RankingKind.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw HcpException.badRequest("kind", "RANKING_KIND_INVALID", "排名对象应为 REGION、DEPARTMENT、WINDOW 或 STAFF",
					"kind is one of REGION, DEPARTMENT, WINDOW, STAFF");
		}
	}

	/** The region named, or the caller's own; an administrator (everywhere) must name one. */
	static RegionCode region(String text) {
		if (text != null && !text.isBlank()) {
			return RegionCode.parse("region", text);
		}
		return Caller.current()
			.map(Caller::region)
			.orElseThrow(() -> HcpException.badRequest("region", "REGION_REQUIRED", "请指定行政区划", "name a region"));
	}

	static boolean adjust(String text) {
		if (text == null || text.isBlank() || text.equalsIgnoreCase("false")) {
			return false;
		}
		if (text.equalsIgnoreCase("true")) {
			return true;
		}
		throw HcpException.badRequest("adjust", "ADJUST_INVALID", "adjust 应为 true 或 false", "adjust is true or false");
	}

	static YearMonth month(String text) {
		try {
			return YearMonth.parse(text == null ? "" : text.trim());
		}
		catch (DateTimeException e) {
			throw HcpException.badRequest("month", "MONTH_INVALID", "月份应写作 2026-07", "a month is written 2026-07");
		}
	}
}
