package org.hcp.analytics;

import java.util.List;
import java.util.stream.Stream;

import org.hcp.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * The ranking panel of the dashboard: the child regions of the focus in the fair ranking's order ({@link Rankings}:
 * Wilson lower bound, too few ratings listed unranked after the ranked), with the method text shown next to it.
 * A department's dashboard has no ranking panel rows.
 */
@Component
class DashboardRanking {

	private final Rankings rankings;

	DashboardRanking(Rankings rankings) {
		this.rankings = rankings;
	}

	DashboardView.RankingPanel rank(Subject focus, Period period) {
		if (focus.dimension() != Dimension.REGION) {
			return new DashboardView.RankingPanel(rankings.method(false), List.of());
		}
		Ranking ranking = rankings.rank(RankingKind.REGION, new RegionCode(focus.key()), period, false);
		List<DashboardView.RankedRow> rows = Stream.concat(ranking.ranked().stream(), ranking.notEnoughData().stream())
			.map(DashboardRanking::row)
			.toList();
		return new DashboardView.RankingPanel(ranking.method(), rows);
	}

	private static DashboardView.RankedRow row(RankedUnit u) {
		return new DashboardView.RankedRow(u.rank(), u.key(), u.name(), u.evaluations(), Figure.percent(u.share()),
				u.score());
	}
}
