package org.hcp.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.hcp.shared.Bilingual;

/**
 * A fair ranking 客观分析 of one kind of unit in a region for a period (ADR 0027): the ranked units best first, then
 * the units with fewer than {@code minimum} counted ratings, unranked. {@code method} says how the order was made and
 * is shown with every ranking.
 */
public record Ranking(RankingKind kind, String regionCode, String regionName, Period period, boolean adjusted,
		int minimum, double confidence, BigDecimal overallShare, List<RankedUnit> ranked, List<RankedUnit> notEnoughData,
		Bilingual method, Instant asOf) {
}
