package org.hcp.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.hcp.shared.Bilingual;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The ranking panel of the dashboard: the child regions of the focus in ranking order.
 * TODO(dash): provisional — orders by the raw good share until the fair ranking (Rankings, Wilson lower bound)
 * is merged; then this delegates to it and shows its method text.
 */
@Component
class DashboardRanking {

	private final AnalyticsProperties properties;
	private final MessageSource messages;

	DashboardRanking(AnalyticsProperties properties, MessageSource messages) {
		this.properties = properties;
		this.messages = messages;
	}

	DashboardView.RankingPanel rank(Subject focus, Period period, List<FigureSet> children) {
		int minimum = properties.ranking().minimum();
		List<FigureSet> ranked = new ArrayList<>(children.stream()
			.filter(c -> c.count(Metric.EVALUATIONS) >= minimum)
			.sorted(Comparator.comparing((FigureSet c) -> share(c)).reversed().thenComparing(c -> c.subject().key()))
			.toList());
		List<DashboardView.RankedRow> rows = new ArrayList<>();
		int rank = 0;
		BigDecimal previous = null;
		for (int i = 0; i < ranked.size(); i++) {
			BigDecimal s = share(ranked.get(i));
			if (previous == null || s.compareTo(previous) != 0) {
				rank = i + 1;
			}
			previous = s;
			rows.add(row(rank, ranked.get(i), s));
		}
		children.stream().filter(c -> c.count(Metric.EVALUATIONS) < minimum).forEach(c -> rows.add(row(null, c, null)));
		Object[] args = { minimum };
		String key = "analytics.dashboard.ranking.provisional";
		return new DashboardView.RankingPanel(Bilingual.of(messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE),
				messages.getMessage(key, args, Locale.ENGLISH)), rows);
	}

	private static DashboardView.RankedRow row(Integer rank, FigureSet c, BigDecimal score) {
		return new DashboardView.RankedRow(rank, c.subject().key(), c.subjectName(), c.count(Metric.EVALUATIONS),
				c.get(Metric.GOOD_RATE).percent(), score);
	}

	private static BigDecimal share(FigureSet c) {
		return c.get(Metric.GOOD_RATE).rate().orElse(BigDecimal.ZERO);
	}
}
