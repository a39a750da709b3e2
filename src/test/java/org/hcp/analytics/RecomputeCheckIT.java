package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.hcp.appeal.AppealDecision;
import org.hcp.appeal.AppealOutcome;
import org.hcp.appeal.AppealView;
import org.hcp.appeal.Appeals;
import org.hcp.appeal.NewAppeal;
import org.hcp.demo.ProvinceYear;
import org.hcp.evaluation.Channel;
import org.hcp.privacy.PersonalData;
import org.hcp.rectification.WorkOrders;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.RegionCode;
import org.hcp.support.AsCaller;
import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The recompute check (issue 8 §1, §5) over a generated province-year with every kind of event — default ratings,
 * unrated cases, bad reviews with work orders in every state, upheld, rejected and pending appeals, random revisits:
 * after a catch-up, every count the statistics serve equals its recomputation from the raw tables, for regions of
 * every level, an institution, a department, a window, a staff member, an item and a channel, by quarter, month, day,
 * a custom range and the year. Then events through the real façades — a new rating, a work order advanced, a rating
 * excluded by an upheld appeal — and the check again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecomputeCheckIT extends ServiceFixtures {

	static final String PREFIX = "62";
	static final int YEAR = 2025;
	private static final AtomicLong USER_IDS = new AtomicLong(820_000);

	@Autowired
	Environment env;

	@Autowired
	PersonalData personal;

	@Autowired
	Statistics statistics;

	@Autowired
	RecomputeCheck check;

	@Autowired
	WorkOrders orders;

	@Autowired
	Appeals appeals;

	ProvinceYear province;
	ProvinceYear.Loaded loaded;

	@BeforeAll
	void generateAndCatchUp() throws Exception {
		province = new ProvinceYear(PREFIX, YEAR, ProvinceYear.Size.small(), 11L);
		String url = env.getProperty("spring.flyway.url", env.getRequiredProperty("spring.datasource.url"));
		loaded = province.load(() -> DriverManager.getConnection(url, env.getProperty("spring.flyway.user"),
				env.getProperty("spring.flyway.password")), personal, 2);
		// the scheduled path: the job runner holds a transaction around the run, and the backlog of a bulk load is
		// many times the test profile's batch, so the passes must commit one by one
		httpClients();
		Http.Reply run = admin.post("/api/v1/admin/jobs/statistics-rollup/run", null);
		assertThat(run.status()).isEqualTo(200);
		assertThat(run.json().path("ran").asBoolean()).isTrue();
		assertThat(run.json().path("passes").asLong()).isGreaterThan(1);
	}

	private List<Subject> subjects() {
		String county = province.capitalCounty();
		return List.of(Subject.region(province.provinceCode()), Subject.region(province.regionsOfLevel(2).get(1)),
				Subject.region(county), Subject.region(province.regionsOfLevel(4).get(0)),
				Subject.region(province.regionsOfLevel(5).get(0)),
				Subject.of(Dimension.INSTITUTION, province.institutionCodes().get(0)),
				Subject.of(Dimension.DEPARTMENT, province.departmentCodes().get(1)),
				Subject.of(Dimension.WINDOW, province.windowCodes().get(0)),
				Subject.of(Dimension.STAFF, province.staffNumbers().get(0)),
				Subject.of(Dimension.ITEM, province.itemCodes().get(2)),
				Subject.region(province.provinceCode()).on(Channel.HALL_EVALUATOR),
				Subject.region(county).on(Channel.DEFAULT),
				Subject.of(Dimension.DEPARTMENT, province.departmentCodes().get(0)).on(Channel.WEB_PORTAL));
	}

	private static List<Period> periods() {
		return List.of(Period.year(YEAR), Period.quarter(YEAR, 3), Period.quarter(YEAR, 1), Period.month(YearMonth.of(YEAR, 7)),
				Period.month(YearMonth.of(YEAR, 12)), Period.range(LocalDate.of(YEAR, 3, 15), LocalDate.of(YEAR, 5, 20)),
				Period.day(LocalDate.of(YEAR, 3, 17)));
	}

	/** Every subject × period; the lines that differ, if any, named in the failure. */
	private void assertAllEqual(List<Subject> subjects, List<Period> periods) {
		List<String> unequal = new ArrayList<>();
		for (Subject subject : subjects) {
			for (Period period : periods) {
				RecomputeCheck.Report report = check.check(subject, period);
				report.lines().stream().filter(l -> !l.equal())
					.forEach(l -> unequal.add(subject + " " + period + " " + l.metric() + ": served " + l.served() + ", raw " + l.recomputed()));
			}
		}
		assertThat(unequal).isEmpty();
	}

	@Test
	void every_figure_of_a_generated_year_equals_its_recomputation_from_raw_tables() {
		assertAllEqual(subjects(), periods());
	}

	@Test
	void the_generated_year_has_every_kind_of_event_the_figures_count() {
		FigureSet year = statistics.figures(Subject.region(province.provinceCode()), Period.year(YEAR));
		// ratings assessed in the next January (cases of late December) fall outside the year
		assertThat(year.count(Metric.EVALUATIONS)).isPositive().isLessThanOrEqualTo(loaded.ratings() - loaded.exclusions());
		for (Metric metric : List.of(Metric.ACTIVE, Metric.DEFAULT, Metric.LEVEL_1, Metric.LEVEL_2, Metric.LEVEL_3, Metric.LEVEL_4,
				Metric.LEVEL_5, Metric.VALID_BAD, Metric.BAD_REPLIED, Metric.BAD_RECTIFIED, Metric.BAD_REVISITED,
				Metric.BAD_REVISIT_SATISFIED, Metric.BAD_UNRECTIFIABLE, Metric.BAD_OVERDUE, Metric.CASES_COMPLETED, Metric.CASES_RATED,
				Metric.APPEALS_FILED, Metric.APPEALS_PENDING, Metric.APPEALS_UPHELD_MISTAKEN, Metric.APPEALS_REJECTED,
				Metric.RANDOM_REVISITS_ANSWERED, Metric.RANDOM_REVISITS_SATISFIED)) {
			assertThat(year.count(metric)).as(metric.name()).isPositive();
		}
		assertThat(year.count(Metric.CASES_RATED)).isLessThan(year.count(Metric.CASES_COMPLETED));
	}

	@Test
	void events_after_a_catch_up_are_in_the_next_one_and_still_equal_their_recomputation() {
		// a generated order waiting for the 12345 first check: found valid and dispatched now
		Map<String, Object> received = jdbc.sql("""
				select id, version, region_code from rct_work_order where region_code like :p and state = 'RECEIVED' order by id limit 1""")
			.param("p", PREFIX + "%").query().singleRow();
		long orderId = ((Number) received.get("id")).longValue();
		String orderRegion = (String) received.get("region_code");
		Subject orderCounty = Subject.region(orderRegion.substring(0, 6) + "000000");
		long validBefore = statistics.figures(orderCounty, Period.year(YEAR)).count(Metric.VALID_BAD);
		AsCaller.run(person(Set.of(Role.HOTLINE), orderRegion, null, null),
				() -> orders.dispatch(orderId, ((Number) received.get("version")).intValue()));

		// a new rating and a rating excluded by an upheld appeal, in the test hall, now
		Hall hall = hall();
		Subject hallRegion = Subject.region(hall.region());
		Period thisYear = Period.year(ChinaTime.dateOf(java.time.Instant.now()).getYear());
		statistics.catchUp();
		long ratedBefore = statistics.figures(hallRegion, thisYear).count(Metric.EVALUATIONS);
		var good = aCase().completedAfter(5);
		good.create();
		assertThat(rate(rating(good.caseNo(), 5, "indicators", List.of("501"))).status()).isEqualTo(201);
		var bad = aCase().completedAfter(5);
		bad.create();
		Http.Reply rated = rate(rating(bad.caseNo(), 1, "comment", "故意刁难", "rater",
				Map.of("name", "钱七", "mobile", randomMobile(), "certNo", "110101198001011234")));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
		long evaluationId = rated.json().path("evaluations").get(0).path("id").asLong();
		await().atMost(Duration.ofSeconds(20)).until(() -> orders.forEvaluation(evaluationId).isPresent());
		long badOrder = orders.forEvaluation(evaluationId).orElseThrow().id();
		AsCaller.run(person(Set.of(Role.HOTLINE), hall.region(), null, null),
				() -> orders.dispatch(badOrder, orders.detail(badOrder).version()));
		AppealView filed = AsCaller.run(person(Set.of(Role.DEPARTMENT), hall.region(), hall.department(), null),
				() -> appeals.file(new NewAppeal(badOrder, "评价人在窗口当场表示误点了一星", "现场监控截图", List.of())));
		AppealView decided = AsCaller.run(person(Set.of(Role.OFFICE), hall.region(), null, null),
				() -> appeals.decide(filed.id(), new AppealDecision(AppealOutcome.MISTAKEN, "监控显示评价人误操作")));
		assertThat(decided.decision().outcome()).isEqualTo(AppealOutcome.MISTAKEN);

		// the check catches up first: the served figures move, and equal the raw ones
		assertAllEqual(List.of(orderCounty, Subject.region(province.provinceCode())), List.of(Period.year(YEAR), Period.quarter(YEAR, 1)));
		assertThat(statistics.figures(orderCounty, Period.year(YEAR)).count(Metric.VALID_BAD))
			.as("the dispatched order's bad review is now a valid one").isEqualTo(validBefore + 1);
		LocalDate today = ChinaTime.dateOf(java.time.Instant.now());
		assertAllEqual(List.of(hallRegion, Subject.of(Dimension.DEPARTMENT, hall.department()), Subject.of(Dimension.ITEM, hall.item()),
				hallRegion.on(Channel.WEB_PORTAL)), List.of(thisYear, Period.day(today), Period.month(YearMonth.from(today))));
		assertThat(statistics.figures(hallRegion, thisYear).count(Metric.EVALUATIONS))
			.as("the good rating counts, the excluded one does not").isEqualTo(ratedBefore + 1);
	}

	private static Caller person(Set<Role> roles, String region, String department, String staffNo) {
		long id = USER_IDS.incrementAndGet();
		return Caller.person(id, "user" + id, roles, RegionCode.parse("region", region), department, staffNo);
	}
}
