package org.hcp.analytics;

import java.time.YearMonth;

/**
 * A window or staff member ranked last among the ranked units of its hall two months running 连续两月排名末位
 * (ADR 0027), flagged for the office.
 *
 * @param kind {@link RankingKind#WINDOW} or {@link RankingKind#STAFF}
 * @param key the window code or staff number
 * @param detail the window of a staff member; null for a window
 * @param institutionCode the hall whose units it was compared with
 */
public record LastPlace(RankingKind kind, String key, String detail, String institutionCode, String institutionName,
		YearMonth month, long evaluations, long good, long previousEvaluations, long previousGood) {
}
