package org.hcp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;

/**
 * domain.md §6.4 across the 2026 National Day holiday: completed Wed Sep 30 → reminder from Fri Oct 9 (Oct 1–7 are
 * off, Oct 8 is day 1) → days 1–4 after the reminder are Sat Oct 10 (make-up), Mon 12, Tue 13, Wed 14 → default
 * 满意 from Thu Oct 15, not before.
 */
class DefaultRatingIT extends ServiceFixtures {

	private Http.Reply runAsOf(String instant) {
		Http.Reply reply = admin.post("/api/v1/admin/jobs/unrated-cases/run?asOf=" + instant.replace("+", "%2B"), null);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply;
	}

	private String completedOnSeptember30() {
		var c = aCase().acceptedAt("2026-09-30T09:00:00+08:00").completedAfter(60);
		c.create();
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from evl_pending where case_no = :c")
			.param("c", c.caseNo()).query(Integer.class).single() == 1);
		return c.caseNo();
	}

	private boolean reminded(String caseNo) {
		return jdbc.sql("select reminder_sent_at is not null from evl_pending where case_no = :c").param("c", caseNo)
			.query(Boolean.class).optional().orElse(true);
	}

	@Test
	void the_default_rating_comes_one_plus_four_working_days_after_completion_across_national_day() {
		String caseNo = completedOnSeptember30();

		runAsOf("2026-10-08T23:59:59+08:00");
		assertThat(reminded(caseNo)).as("Oct 8 is the first working day; the reminder waits until it ends").isFalse();
		runAsOf("2026-10-09T00:00:00+08:00");
		assertThat(reminded(caseNo)).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from ntf_outbound_sms where reference = :c and purpose = 'REMINDER'").param("c", caseNo)
			.query(Integer.class).single() == 1);

		runAsOf("2026-10-14T23:59:59+08:00");
		assertThat(storedRatings(caseNo)).as("Sat Oct 10 is a make-up working day: day 4 is Wed Oct 14").isZero();
		runAsOf("2026-10-15T00:00:00+08:00");
		assertThat(storedRatings(caseNo)).isEqualTo(1);

		var stored = admin.get("/api/exchange/v1/evaluations?projectNo=" + caseNo).json().path("evaluations").get(0);
		assertThat(stored.path("isDefault").asBoolean()).isTrue();
		assertThat(stored.path("satisfaction").asInt()).isEqualTo(4);
		assertThat(stored.has("pf")).as("a default is no channel's rating").isFalse();
		runAsOf("2026-10-20T00:00:00+08:00");
		assertThat(storedRatings(caseNo)).as("the default is recorded once").isEqualTo(1);
	}

	@Test
	void a_case_rated_before_the_deadline_gets_no_default() {
		String caseNo = completedOnSeptember30();
		runAsOf("2026-10-09T00:00:00+08:00");
		Http.Reply rated = rate(rating(caseNo, 5, "ratedAt", "2026-10-12T10:00:00+08:00"));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
		runAsOf("2026-10-15T00:00:00+08:00");
		assertThat(storedRatings(caseNo)).isEqualTo(1);
		assertThat(jdbc.sql("select is_default from evl_evaluation where case_no = :c").param("c", caseNo)
			.query(Boolean.class).single()).isFalse();
	}

	@Test
	void a_job_run_with_a_malformed_instant_or_unknown_name_is_a_4xx() {
		assertThat(admin.post("/api/v1/admin/jobs/unrated-cases/run?asOf=yesterday", null).errorFields())
			.containsExactly("asOf");
		assertThat(admin.post("/api/v1/admin/jobs/no-such-job/run", null).status()).isEqualTo(404);
	}
}
