package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.hcp.evaluation.Channel;
import org.hcp.rectification.RevisitOutcome;
import org.hcp.shared.ChinaTime;
import org.junit.jupiter.api.Test;

/**
 * Every figure of domain §10 on a small data set counted by hand (docs/metrics.md shows the same example): one
 * township, fifteen completed cases, all made through the real APIs.
 *
 * <pre>
 * case  rating          work order                                  counts as
 * c1    5★ web          —                                           active good
 * c2    4★ app          —                                           active good
 * c3    3★ kiosk        —                                           active good
 * c4    2★ web          first check: invalid                        bad, not valid
 * c5    1★ web          waiting for the first check                 bad, not valid
 * c6    1★ web          replied (rectified at once)                 valid, replied, rectified
 * c7    2★ app          revisit satisfied                           + revisit-rectified, revisited, satisfied
 * c8    1★ web          revisit not satisfied (rectification reopens) valid, replied, revisited
 * c9    1★ web          appeal upheld (mistaken)                    excluded from everything
 * c10   2★ kiosk        dispatched, appeal pending                  valid
 * c11   1★ web          revisit unreachable after 3 calls           valid, replied, rectified, revisit-rectified
 * d1,d2 default 4★      —                                           default good
 * u1,u2 none            —                                           completed, unrated
 * </pre>
 */
class MetricFormulasIT extends StatisticsFixtures {

	private static Unit unit;
	private static Period period;

	private synchronized void dataSet() {
		if (unit != null) {
			return;
		}
		Unit u = newUnit();
		String d1 = completedCase(u), d2 = completedCase(u);
		awaitPending(d1);
		awaitPending(d2);
		Instant now = Instant.now();
		unratedCasesJob(now.plus(Duration.ofDays(5)));
		unratedCasesJob(now.plus(Duration.ofDays(25)));
		rated(completedCase(u), 5, "WEB_PORTAL");
		rated(completedCase(u), 4, "MOBILE_APP");
		rated(completedCase(u), 3, "KIOSK");
		String c4 = rated(completedCase(u), 2, "WEB_PORTAL", "201");
		String c5 = rated(completedCase(u), 1, "WEB_PORTAL", "101");
		String c6 = rated(completedCase(u), 1, "WEB_PORTAL", "101", "102");
		String c7 = rated(completedCase(u), 2, "MOBILE_APP", "201");
		String c8 = rated(completedCase(u), 1, "WEB_PORTAL", "102");
		String c9 = rated(completedCase(u), 1, "WEB_PORTAL", "101");
		String c10 = rated(completedCase(u), 2, "KIOSK", "211");
		String c11 = rated(completedCase(u), 1, "WEB_PORTAL", "101");
		completedCase(u);
		completedCase(u);
		invalid(u, orderOf(c4));
		orderOf(c5);
		replied(u, orderOf(c6));
		revisited(u, orderOf(c7), RevisitOutcome.SATISFIED);
		revisited(u, orderOf(c8), RevisitOutcome.NOT_SATISFIED);
		dispatched(u, orderOf(c9));
		upheld(u, orderOf(c9), evaluationOf(c9));
		dispatched(u, orderOf(c10));
		appealed(u, orderOf(c10));
		revisited(u, orderOf(c11), RevisitOutcome.UNREACHABLE);
		assertThat(jdbc.sql("select count(*) from evl_evaluation where case_no in (:c) and is_default")
			.param("c", java.util.List.of(d1, d2)).query(Long.class).single()).as("two defaults").isEqualTo(2);
		LocalDate today = ChinaTime.dateOf(now);
		period = Period.range(today.minusDays(2), today.plusDays(40));
		unit = u;
	}

	@org.junit.jupiter.api.BeforeEach
	void theDataSet() {
		dataSet();
	}

	private FigureSet figures(Subject subject) {
		statistics.catchUp();
		return statistics.figures(subject, period);
	}

	@Test
	void every_count_equals_the_hand_count() {
		FigureSet f = figures(Subject.region(unit.region()));
		Map<Metric, Long> expected = new java.util.EnumMap<>(Metric.class);
		expected.put(Metric.EVALUATIONS, 12L);
		expected.put(Metric.ACTIVE, 10L);
		expected.put(Metric.DEFAULT, 2L);
		expected.put(Metric.LEVEL_1, 4L);
		expected.put(Metric.LEVEL_2, 3L);
		expected.put(Metric.LEVEL_3, 1L);
		expected.put(Metric.LEVEL_4, 3L);
		expected.put(Metric.LEVEL_5, 1L);
		expected.put(Metric.GOOD, 5L);
		expected.put(Metric.BAD, 7L);
		expected.put(Metric.ACTIVE_GOOD, 3L);
		expected.put(Metric.VALID_BAD, 5L);
		expected.put(Metric.BAD_REPLIED, 4L);
		expected.put(Metric.BAD_RECTIFIED, 3L);
		expected.put(Metric.BAD_REVISIT_RECTIFIED, 2L);
		expected.put(Metric.BAD_REVISITED, 2L);
		expected.put(Metric.BAD_REVISIT_SATISFIED, 1L);
		expected.put(Metric.BAD_UNRECTIFIABLE, 0L);
		expected.put(Metric.BAD_OVERDUE, 0L);
		expected.put(Metric.CASES_COMPLETED, 15L);
		expected.put(Metric.CASES_RATED, 12L);
		expected.put(Metric.CASES_RATED_ACTIVE, 10L);
		expected.put(Metric.APPEALS_FILED, 2L);
		expected.put(Metric.APPEALS_PENDING, 1L);
		expected.put(Metric.APPEALS_UPHELD_MISTAKEN, 1L);
		expected.put(Metric.APPEALS_UPHELD_MALICIOUS, 0L);
		expected.put(Metric.APPEALS_REJECTED, 0L);
		expected.put(Metric.RANDOM_REVISITS_ANSWERED, 0L);
		expected.put(Metric.RANDOM_REVISITS_SATISFIED, 0L);
		expected.forEach((metric, n) -> assertThat(f.count(metric)).as(metric.name()).isEqualTo(n));
	}

	@Test
	void every_rate_is_its_numerator_over_its_denominator_and_dash_without_one() {
		FigureSet f = figures(Subject.region(unit.region()));
		assertRate(f, Metric.GOOD_RATE, 5, 12, "41.67 %");
		assertRate(f, Metric.ACTIVE_GOOD_RATE, 3, 10, "30.00 %");
		assertRate(f, Metric.ACTIVE_RATE, 10, 12, "83.33 %");
		assertRate(f, Metric.COVERAGE_RATE, 12, 15, "80.00 %");
		assertRate(f, Metric.UNRATED_RATE, 10, 15, "33.33 %");
		assertRate(f, Metric.REPLY_RATE, 4, 5, "80.00 %");
		assertRate(f, Metric.RECTIFY_RATE, 3, 5, "60.00 %");
		assertRate(f, Metric.REVISIT_RECTIFY_RATE, 2, 5, "40.00 %");
		assertRate(f, Metric.REVISIT_SATISFACTION_RATE, 1, 2, "50.00 %");
		assertRate(f, Metric.RANDOM_REVISIT_SATISFACTION_RATE, 0, 0, "—");
		assertThat(f.get(Metric.RANDOM_REVISIT_SATISFACTION_RATE).rate()).isEmpty();
	}

	@Test
	void a_region_counts_everything_below_it_and_a_department_its_own() {
		FigureSet township = figures(Subject.region(unit.region()));
		String county = unit.region().substring(0, 6) + "000000";
		FigureSet department = statistics.figures(Subject.of(Dimension.DEPARTMENT, unit.department()), period);
		FigureSet staff = statistics.figures(Subject.of(Dimension.STAFF, unit.staffNo()), period);
		FigureSet window = statistics.figures(Subject.of(Dimension.WINDOW, unit.window()), period);
		FigureSet institution = statistics.figures(Subject.of(Dimension.INSTITUTION, unit.institution()), period);
		FigureSet item = statistics.figures(Subject.of(Dimension.ITEM, unit.item()), period);
		for (FigureSet own : java.util.List.of(department, staff, window, institution, item)) {
			assertThat(own.count(Metric.EVALUATIONS)).as(own.subject().toString()).isEqualTo(12);
			assertThat(own.count(Metric.VALID_BAD)).as(own.subject().toString()).isEqualTo(5);
		}
		assertThat(statistics.figures(Subject.region(county), period).count(Metric.EVALUATIONS))
			.isGreaterThanOrEqualTo(township.count(Metric.EVALUATIONS));
		assertThat(statistics.children(Subject.region(county), period))
			.filteredOn(s -> s.subject().key().equals(unit.region()))
			.singleElement()
			.satisfies(s -> assertThat(s.count(Metric.EVALUATIONS)).isEqualTo(12));
		assertThat(statistics.departments(Subject.region(unit.region()), period))
			.singleElement()
			.satisfies(s -> assertThat(s.count(Metric.CASES_COMPLETED)).isEqualTo(15));
	}

	@Test
	void a_channel_filter_counts_that_channel_only_and_coverage_has_no_denominator() {
		FigureSet web = figures(Subject.region(unit.region()).on(Channel.WEB_PORTAL));
		assertThat(web.count(Metric.EVALUATIONS)).isEqualTo(6);
		assertThat(web.count(Metric.BAD)).isEqualTo(5);
		assertThat(web.count(Metric.VALID_BAD)).isEqualTo(3);
		assertThat(web.get(Metric.COVERAGE_RATE).percent()).isEqualTo("—");
		assertThat(web.count(Metric.APPEALS_FILED)).isZero();
	}

	@Test
	void an_upheld_appeal_removes_the_rating_from_every_figure() {
		FigureSet f = figures(Subject.region(unit.region()));
		// c9 (1★, appeal upheld) counts nowhere: not in ratings, level 1, bad reviews nor as a rated case
		assertThat(f.count(Metric.LEVEL_1)).isEqualTo(4);
		assertThat(f.count(Metric.CASES_RATED)).isEqualTo(f.count(Metric.CASES_COMPLETED) - 3);
		assertThat(statistics.reasons(Subject.region(unit.region()), period))
			.extracting(Tally::key, Tally::count)
			.contains(org.assertj.core.groups.Tuple.tuple("101", 3L));
	}

	@Test
	void an_invalid_first_check_is_a_bad_review_but_not_a_valid_one_and_defaults_are_not_active() {
		FigureSet f = figures(Subject.region(unit.region()));
		assertThat(f.count(Metric.BAD) - f.count(Metric.VALID_BAD)).as("c4 invalid and c5 unchecked").isEqualTo(2);
		assertThat(f.count(Metric.ACTIVE) + f.count(Metric.DEFAULT)).isEqualTo(f.count(Metric.EVALUATIONS));
		assertThat(f.count(Metric.ACTIVE_GOOD)).as("the two default 4★ are good but not active good").isEqualTo(3);
	}

	@Test
	void the_breakdowns_count_channels_reasons_items_and_days() {
		Subject region = Subject.region(unit.region());
		figures(region);
		assertThat(statistics.channels(region, period)).extracting(Tally::key, Tally::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("WEB_PORTAL", 6L),
					org.assertj.core.groups.Tuple.tuple("DEFAULT", 2L), org.assertj.core.groups.Tuple.tuple("KIOSK", 2L),
					org.assertj.core.groups.Tuple.tuple("MOBILE_APP", 2L));
		assertThat(statistics.itemsWithMostBad(region, period, 5)).extracting(Tally::key, Tally::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(unit.item(), 7L));
		assertThat(statistics.trend(region, period).stream().mapToLong(TrendPoint::evaluations).sum()).isEqualTo(12);
	}

	@Test
	void the_recompute_check_finds_every_served_count_equal_to_the_raw_tables() {
		dataSet();
		RecomputeCheck.Report report = check.check(Subject.region(unit.region()), period);
		assertThat(report.lines()).allSatisfy(l -> assertThat(l.served()).as(l.metric().name()).isEqualTo(l.recomputed()));
		assertThat(report.allEqual()).isTrue();
		assertThat(check.check(Subject.of(Dimension.WINDOW, unit.window()).on(Channel.WEB_PORTAL), period).allEqual()).isTrue();
		assertThat(check.check(Subject.region(unit.region().substring(0, 6) + "000000"), period).allEqual()).isTrue();
	}

	@org.springframework.beans.factory.annotation.Autowired
	RecomputeCheck check;

	private static void assertRate(FigureSet f, Metric metric, long numerator, long denominator, String percent) {
		Figure figure = f.get(metric);
		assertThat(figure.numerator()).as(metric + " numerator").isEqualTo(numerator);
		assertThat(figure.denominator()).as(metric + " denominator").isEqualTo(denominator);
		assertThat(figure.percent()).as(metric + " percent").isEqualTo(percent);
	}
}
