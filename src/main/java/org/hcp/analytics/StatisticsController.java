package org.hcp.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The figures of domain §10 over HTTP, each with its definition, for a subject ({@code dimension} REGION by default,
 * {@code key}, optional {@code channel}) and a {@code period} (2026, 2026Q3, 2026-07, 2026-07-15 or
 * 2026-07-01..2026-07-31); region-scoped by {@link StatisticsScope}. Translates HTTP only.
 */
@RestController
@Tag(name = "statistics 统计")
class StatisticsController {

	private final Statistics statistics;
	private final StatisticsScope scope;
	private final RecomputeCheck check;
	private final MessageSource messages;

	StatisticsController(Statistics statistics, StatisticsScope scope, RecomputeCheck check, MessageSource messages) {
		this.statistics = statistics;
		this.scope = scope;
		this.check = check;
		this.messages = messages;
	}

	record Breakdown(StatisticsView.PeriodView period, Instant asOf, List<StatisticsView> units) {
	}

	record Tallies(StatisticsView.PeriodView period, Instant asOf, List<Tally> tallies) {
	}

	record Trend(StatisticsView.PeriodView period, Instant asOf, String step, List<TrendPoint> points) {
	}

	@GetMapping("/api/v1/statistics")
	@Operation(summary = "Every figure of a unit in a period, with name, definition, numerator and denominator")
	StatisticsView figures(@RequestParam(required = false) String dimension, @RequestParam(required = false) String key,
			@RequestParam(required = false) String period, @RequestParam(required = false) String channel) {
		Period p = Period.parse("period", period);
		Subject subject = scope.require(StatisticsRequest.subject(dimension, key, channel));
		return StatisticsView.of(statistics.figures(subject, p), messages);
	}

	@GetMapping("/api/v1/statistics/children")
	@Operation(summary = "The drill-down of a region: its child regions, each with every figure")
	Breakdown children(@RequestParam(required = false) String key, @RequestParam(required = false) String period,
			@RequestParam(required = false) String channel) {
		Period p = Period.parse("period", period);
		Subject region = scope.require(StatisticsRequest.subject("REGION", key, channel));
		return breakdown(p, statistics.children(region, p));
	}

	@GetMapping("/api/v1/statistics/departments")
	@Operation(summary = "The departments registered at or below a region, each with every figure")
	Breakdown departments(@RequestParam(required = false) String key, @RequestParam(required = false) String period,
			@RequestParam(required = false) String channel) {
		Period p = Period.parse("period", period);
		Subject region = scope.require(StatisticsRequest.subject("REGION", key, channel));
		return breakdown(p, statistics.departments(region, p));
	}

	@GetMapping("/api/v1/statistics/trend")
	@Operation(summary = "Counted, good and bad ratings per day (per month for periods over 92 days)")
	Trend trend(@RequestParam(required = false) String dimension, @RequestParam(required = false) String key,
			@RequestParam(required = false) String period, @RequestParam(required = false) String channel) {
		Period p = Period.parse("period", period);
		Subject subject = scope.require(StatisticsRequest.subject(dimension, key, channel));
		String step = p.days() > StatisticsFromRollups.DAILY_TREND_DAYS ? "MONTH" : "DAY";
		return new Trend(StatisticsView.period(p), statistics.asOf(), step, statistics.trend(subject, p));
	}

	@GetMapping("/api/v1/statistics/channels")
	@Operation(summary = "Counted ratings per channel, most first")
	Tallies channels(@RequestParam(required = false) String dimension, @RequestParam(required = false) String key,
			@RequestParam(required = false) String period, @RequestParam(required = false) String channel) {
		Period p = Period.parse("period", period);
		Subject subject = scope.require(StatisticsRequest.subject(dimension, key, channel));
		return new Tallies(StatisticsView.period(p), statistics.asOf(), statistics.channels(subject, p));
	}

	@GetMapping("/api/v1/statistics/reasons")
	@Operation(summary = "Counted bad ratings per chosen indicator 差评原因 (regions and departments), most first")
	Tallies reasons(@RequestParam(required = false) String dimension, @RequestParam(required = false) String key,
			@RequestParam(required = false) String period, @RequestParam(required = false) String channel) {
		Period p = Period.parse("period", period);
		Subject subject = scope.require(StatisticsRequest.subject(dimension, key, channel));
		return new Tallies(StatisticsView.period(p), statistics.asOf(), statistics.reasons(subject, p));
	}

	@GetMapping("/api/v1/statistics/items")
	@Operation(summary = "The items with the most counted bad ratings (regions and departments), most first")
	Tallies items(@RequestParam(required = false) String dimension, @RequestParam(required = false) String key,
			@RequestParam(required = false) String period, @RequestParam(required = false) String channel,
			@RequestParam(defaultValue = "10") int limit) {
		Period p = Period.parse("period", period);
		int n = StatisticsRequest.limit(limit);
		Subject subject = scope.require(StatisticsRequest.subject(dimension, key, channel));
		return new Tallies(StatisticsView.period(p), statistics.asOf(), statistics.itemsWithMostBad(subject, p, n));
	}

	// ------------------------------------------------------------------------------------------------ admin

	@PostMapping("/api/v1/admin/statistics/check")
	@Operation(summary = "Recomputes every count of a unit and period from the raw tables and compares with the served figures")
	RecomputeCheck.Report check(@RequestParam(required = false) String dimension,
			@RequestParam(required = false) String key, @RequestParam(required = false) String period,
			@RequestParam(required = false) String channel) {
		Period p = Period.parse("period", period);
		Subject subject = scope.require(StatisticsRequest.subject(dimension, key, channel));
		return check.check(subject, p);
	}

	@PostMapping("/api/v1/admin/statistics/catch-up")
	@Operation(summary = "Brings the rollups up to date with every committed fact now")
	Map<String, Object> catchUp() {
		statistics.catchUp();
		return Map.of("asOf", statistics.asOf());
	}

	private Breakdown breakdown(Period p, List<FigureSet> sets) {
		return new Breakdown(StatisticsView.period(p), statistics.asOf(),
				sets.stream().map(s -> StatisticsView.of(s, messages)).toList());
	}
}
