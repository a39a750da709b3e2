package org.hcp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import org.hcp.privacy.PersonalData;
import org.hcp.support.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * The generated province-year (issue 8 §5, ADR 0030): every kind of row the statistics count, stored exactly as the
 * application stores them — the hash chain verifies over generated ratings, staff names decrypt — and the change
 * queues filled by the analytics triggers during the load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceYearIT extends ApiTest {

	static final String PREFIX = "63";

	@Autowired
	Environment env;

	@Autowired
	PersonalData personal;

	ProvinceYear province;
	ProvinceYear.Loaded loaded;

	@BeforeAll
	void load() throws Exception {
		province = new ProvinceYear(PREFIX, 2025, ProvinceYear.Size.small(), 7L);
		String url = env.getProperty("spring.flyway.url", env.getRequiredProperty("spring.datasource.url"));
		loaded = province.load(() -> DriverManager.getConnection(url, env.getProperty("spring.flyway.user"),
				env.getProperty("spring.flyway.password")), personal, 2);
	}

	private long count(String sql) {
		return jdbc.sql(sql).param("p", PREFIX + "%").query(Long.class).single();
	}

	@Test
	void the_province_reaches_down_to_villages_with_units_at_every_level() {
		assertThat(count("select count(*) from cat_region where code like :p and level = 1")).isEqualTo(1);
		assertThat(count("select count(*) from cat_region where code like :p and level = 5")).isEqualTo(16);
		assertThat(count("select count(distinct kind) from cat_institution i join cat_region r on r.code = i.region_code "
				+ "where r.code like :p")).isEqualTo(3);
		assertThat(count("select count(*) from cat_staff s join cat_institution i on i.code = s.institution_code "
				+ "where i.region_code like :p")).isEqualTo(loaded.staff());
		assertThat(province.departmentCodes()).allSatisfy(code -> assertThat(code).hasSize(18));
		assertThat(province.capitalCounty()).isEqualTo(PREFIX + "0101000000");
	}

	@Test
	void ratings_have_seasonality_channel_mix_defaults_and_coverage_below_all_cases() {
		long ratings = count("select count(*) from evl_evaluation where region_code like :p");
		assertThat(ratings).isEqualTo(loaded.ratings()).isBetween(11_000L, 13_000L);
		long cases = count("select count(*) from cas_case where region_code like :p and completed_at is not null");
		assertThat(cases).isEqualTo(loaded.cases()).isGreaterThan(ratings);
		long defaults = count("select count(*) from evl_evaluation where region_code like :p and is_default");
		assertThat(defaults * 100 / ratings).isBetween(10L, 20L);
		assertThat(count("select count(distinct channel) from evl_evaluation where region_code like :p")).isEqualTo(9);
		// a busy March weekday against the Spring Festival and the National Day
		long march = count("select count(*) from cas_case where region_code like :p and completed_at >= '2025-03-01 00:00+08' "
				+ "and completed_at < '2025-04-01 00:00+08'");
		long october = count("select count(*) from cas_case where region_code like :p and completed_at >= '2025-10-01 00:00+08' "
				+ "and completed_at < '2025-10-09 00:00+08'");
		assertThat(october * 31 / 8).isLessThan(march / 5);
		long weekend = count("select count(*) from cas_case where region_code like :p "
				+ "and extract(isodow from completed_at at time zone 'Asia/Shanghai') >= 6");
		assertThat(weekend * 100 / cases).isLessThan(8);
		assertThat(count("select count(*) from evl_evaluation where region_code like :p and level <= 2 and is_default")).isZero();
	}

	@Test
	void every_bad_review_has_a_work_order_and_every_state_occurs() {
		long bad = count("select count(*) from evl_evaluation where region_code like :p and level <= 2");
		assertThat(bad).isEqualTo(loaded.bad()).isPositive();
		assertThat(count("select count(*) from evl_evaluation e join rct_order_rating r on r.evaluation_id = e.id "
				+ "where e.region_code like :p and e.level <= 2")).isEqualTo(bad);
		List<String> states = jdbc.sql("select distinct state from rct_work_order where region_code like :p order by 1")
			.param("p", PREFIX + "%").query(String.class).list();
		assertThat(states).contains("RECEIVED", "INVALID", "DISPATCHED", "VERIFIED", "RECTIFYING", "RECTIFIED", "REPLIED", "REVISITED",
				"CLOSED", "UNRECTIFIABLE_REPORTED", "UNRECTIFIABLE_APPROVED", "CLOSED_BY_APPEAL");
		assertThat(jdbc.sql("select distinct revisit_outcome from rct_work_order where region_code like :p and revisit_outcome is not null")
			.param("p", PREFIX + "%").query(String.class).list()).containsExactlyInAnyOrder("SATISFIED", "PARTLY_SATISFIED", "UNREACHABLE",
					"NOT_SATISFIED");
		assertThat(count("select count(*) from rct_work_order where region_code like :p and times_overdue > 0")).isPositive();
	}

	@Test
	void appeals_are_upheld_with_an_exclusion_rejected_or_pending() {
		Map<String, Long> appeals = new java.util.TreeMap<>();
		jdbc.sql("select state, count(*) from apl_appeal where region_code like :p group by state").param("p", PREFIX + "%")
			.query((rs, n) -> appeals.put(rs.getString(1), rs.getLong(2))).list();
		assertThat(appeals).containsOnlyKeys("PENDING", "REJECTED", "UPHELD");
		assertThat(count("select count(*) from evl_exclusion x join evl_evaluation e on e.id = x.evaluation_id where e.region_code like :p"))
			.isEqualTo(appeals.get("UPHELD")).isEqualTo(loaded.exclusions());
		assertThat(count("select count(*) from rct_work_order where region_code like :p and state = 'CLOSED_BY_APPEAL'"))
			.isEqualTo(appeals.get("UPHELD"));
		assertThat(count("select count(*) from rct_work_order o join apl_appeal a on a.id = o.pause_appeal_id "
				+ "where o.region_code like :p and a.state = 'PENDING' and o.paused_at is not null")).isEqualTo(appeals.get("PENDING"));
		assertThat(count("select count(*) from sup_revisit_result where region_code like :p")).isEqualTo(loaded.revisitResults()).isPositive();
	}

	@Test
	void generated_rows_are_stored_as_the_application_stores_them() {
		assertThat(admin.post("/api/v1/admin/jobs/seal-ratings/run", null).status()).isEqualTo(200);
		JsonNode report = admin.get("/api/v1/admin/integrity/verify").json();
		assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
		byte[] name = jdbc.sql("select s.name_enc from cat_staff s where s.staff_no like :p").param("p", "PY" + PREFIX + "%")
			.query(byte[].class).list().get(0);
		assertThat(personal.decrypt(name)).matches("\\p{IsHan}{2,3}");
	}

	@Test
	void the_load_queues_every_fact_for_the_rollups() {
		// the queues may already be drained by a catch-up; then the rollups hold them
		long queuedOrCounted = count("select count(*) from evl_evaluation e where e.region_code like :p and (exists "
				+ "(select 1 from ana_rating_change c where c.evaluation_id = e.id) or exists (select 1 from ana_rating_rollup r "
				+ "where r.dim = 'R' and r.key = e.region_code))");
		assertThat(queuedOrCounted).isEqualTo(loaded.ratings());
	}

	@Test
	void the_same_seed_generates_the_same_province_year() {
		ProvinceYear again = new ProvinceYear(PREFIX, 2025, ProvinceYear.Size.small(), 7L);
		assertThat(again.staffNumbers()).isEqualTo(province.staffNumbers());
		assertThat(again.itemCodes()).isEqualTo(province.itemCodes());
		assertThat(new ProvinceYear(PREFIX, 2025, ProvinceYear.Size.small(), 8L).windowCodes()).isEqualTo(province.windowCodes());
	}
}
