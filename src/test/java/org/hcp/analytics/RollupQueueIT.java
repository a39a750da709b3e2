package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;


import org.hcp.shared.ChinaTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The change queues (ADR 0026): a rating's change is queued in the rating's own transaction, so none is lost and a
 * rolled-back rating leaves none; catching up empties the queues, moves the figures, and changes nothing the second time.
 */
class RollupQueueIT extends StatisticsFixtures {

	@Autowired
	PlatformTransactionManager transactions;

	private long queued(long evaluationId) {
		return jdbc.sql("select count(*) from ana_rating_change where evaluation_id = :id").param("id", evaluationId)
			.query(Long.class).single();
	}

	private Period today() {
		// the cases of these tests complete three hours before now: yesterday too, in China time, just after midnight
		java.time.LocalDate today = ChinaTime.dateOf(java.time.Instant.now());
		return Period.range(today.minusDays(1), today);
	}

	@Test
	void a_rating_commits_with_its_queued_change_and_a_rolled_back_one_leaves_none() {
		Unit unit = newUnit();
		String caseNo = rated(completedCase(unit), 4, "WEB_PORTAL");
		long id = evaluationOf(caseNo);
		assertThat(queued(id)).as("queued with the rating").isEqualTo(1);

		Long rolledBack = new TransactionTemplate(transactions).execute(status -> {
			long copy = jdbc.sql("""
					insert into evl_evaluation (case_id, case_no, service_no, slot, channel, level, assessed_at, is_default,
					    scope, region_code, department_code, item_code, source, received_at, content_hash)
					select case_id, case_no, service_no, slot + 1000, channel, level, assessed_at, is_default, scope,
					       region_code, department_code, item_code, source, received_at, content_hash
					from evl_evaluation where id = :id returning id""").param("id", id).query(Long.class).single();
			assertThat(queued(copy)).as("visible inside its own transaction").isEqualTo(1);
			status.setRollbackOnly();
			return copy;
		});
		assertThat(queued(rolledBack)).as("gone with the rolled-back rating").isZero();
	}

	@Test
	void catching_up_empties_the_queues_moves_the_figures_and_is_idempotent() {
		Unit unit = newUnit();
		Subject region = Subject.region(unit.region());
		statistics.catchUp();
		FigureSet before = statistics.figures(region, today());
		String caseNo = rated(completedCase(unit), 2, "WEB_PORTAL", "201");
		orderOf(caseNo);
		statistics.catchUp();
		assertThat(count("ana_rating_change") + count("ana_order_change") + count("ana_case_change")).isZero();
		FigureSet after = statistics.figures(region, today());
		assertThat(after.count(Metric.EVALUATIONS)).isEqualTo(before.count(Metric.EVALUATIONS) + 1);
		assertThat(after.count(Metric.BAD)).isEqualTo(1);
		assertThat(statistics.asOf()).isAfter(java.time.Instant.now().minusSeconds(60));

		statistics.catchUp();
		assertThat(statistics.figures(region, today()).figures()).isEqualTo(after.figures());
		assertThat(statistics.reasons(region, today())).extracting(Tally::key).containsExactly("201");
	}

	@Test
	void an_exclusion_is_queued_as_a_minus_one_and_takes_the_rating_out() {
		Unit unit = newUnit();
		String caseNo = rated(completedCase(unit), 1, "WEB_PORTAL", "101");
		long order = orderOf(caseNo);
		long id = evaluationOf(caseNo);
		dispatched(unit, order);
		statistics.catchUp();
		Subject department = Subject.of(Dimension.DEPARTMENT, unit.department());
		assertThat(statistics.figures(department, today()).count(Metric.VALID_BAD)).isEqualTo(1);
		upheld(unit, order, id);
		assertThat(jdbc.sql("select sign from ana_rating_change where evaluation_id = :id").param("id", id)
			.query(Integer.class).list()).contains(-1);
		statistics.catchUp();
		FigureSet f = statistics.figures(department, today());
		assertThat(f.count(Metric.EVALUATIONS)).isZero();
		assertThat(f.count(Metric.VALID_BAD)).isZero();
		assertThat(f.count(Metric.CASES_RATED)).isZero();
		assertThat(f.count(Metric.CASES_COMPLETED)).isEqualTo(1);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
