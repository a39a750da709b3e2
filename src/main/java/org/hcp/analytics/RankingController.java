package org.hcp.analytics;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Fair rankings over REST: translates HTTP only; {@link Rankings} checks roles and scope. */
@RestController
@Tag(name = "analytics 统计分析")
class RankingController {

	private final Rankings rankings;

	RankingController(Rankings rankings) {
		this.rankings = rankings;
	}

	@GetMapping("/api/v1/rankings")
	@Operation(summary = "A fair ranking 客观分析 of regions (children of the region), departments, windows or staff "
			+ "in a region for a period: Wilson lower bound of the good share, optionally adjusted for item mix; units "
			+ "below the minimum listed as not enough data; the method text is part of the answer")
	Ranking rankings(@RequestParam(required = false) String kind, @RequestParam(required = false) String region,
			@RequestParam(required = false) String period, @RequestParam(required = false) String adjust) {
		return rankings.rank(RankingParams.kind(kind), RankingParams.region(region), Period.parse("period", period),
				RankingParams.adjust(adjust));
	}

	@GetMapping("/api/v1/rankings/repeated-last")
	@Operation(summary = "Windows and staff ranked last in their hall in the month and the month before 连续两月末位")
	List<LastPlace> repeatedLast(@RequestParam(required = false) String region,
			@RequestParam(required = false) String month) {
		return rankings.repeatedLast(RankingParams.region(region), RankingParams.month(month));
	}
}
