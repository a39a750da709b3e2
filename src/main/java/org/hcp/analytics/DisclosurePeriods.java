package org.hcp.analytics;

import java.time.Clock;
import java.time.LocalDate;

import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;

/**
 * Which periods are published 公开 (ADR 0029): quarters only — the seeds' publication cycle — and only once they have
 * ended in China time. Months, days, years and custom ranges are refused: publishing overlapping periods would let
 * anyone difference a suppressed small count out of two published ones (a quarter minus two of its months is the
 * third). A year is the sum of its four published quarters anyway. Refusals are 400 on {@code period}.
 */
final class DisclosurePeriods {

	private DisclosurePeriods() {
	}

	/** The quarter asked for, or the last quarter that has ended. */
	static Period published(String text, Clock clock) {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		if (text == null || text.isBlank()) {
			return Period.quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1).previous();
		}
		Period period = Period.parse("period", text);
		if (period.grain() != Grain.QUARTER) {
			throw HcpException.badRequest("period", "PERIOD_NOT_PUBLISHED", "公开数据按季度发布，统计期间应写作 2026Q3",
					"Public figures are published per quarter: write the period as 2026Q3");
		}
		if (period.to().isAfter(today)) {
			throw HcpException.badRequest("period", "PERIOD_NOT_ENDED", "只公开已结束的季度：" + period + " 尚未结束",
					"Only quarters that have ended are published: " + period + " has not ended yet");
		}
		return period;
	}
}
