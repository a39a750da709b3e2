package org.hcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With production settings a job cannot be run as of the future: it would write append-only rows dated ahead. */
@TestPropertySource(properties = "hcp.jobs.allow-future-as-of=false")
class FutureAsOfIT extends ServiceFixtures {

	private Http.Reply runAsOf(Instant asOf) {
		return admin.post("/api/v1/admin/jobs/unrated-cases/run?asOf=" + asOf, null);
	}

	@Test
	void a_job_run_as_of_the_future_is_refused_and_writes_nothing() {
		var c = aCase().completedAfter(5);
		c.create();
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from evl_pending where case_no = :c")
			.param("c", c.caseNo()).query(Integer.class).single() == 1);

		Http.Reply refused = runAsOf(Instant.now().plus(Duration.ofDays(20)));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.errorFields()).containsExactly("asOf");
		assertThat(storedRatings(c.caseNo())).isZero();
		assertThat(jdbc.sql("select reminder_sent_at is null from evl_pending where case_no = :c").param("c", c.caseNo())
			.query(Boolean.class).single()).as("no reminder either").isTrue();
	}

	@Test
	void a_job_run_as_of_now_within_the_allowed_skew_or_the_past_still_runs() {
		assertThat(runAsOf(Instant.now().plus(Duration.ofMinutes(2))).status()).isEqualTo(200);
		assertThat(runAsOf(Instant.now().minus(Duration.ofDays(1))).status()).isEqualTo(200);
		assertThat(admin.post("/api/v1/admin/jobs/unrated-cases/run", null).status()).isEqualTo(200);
	}

	@Test
	void a_malformed_as_of_is_a_400_problem_naming_as_of() {
		Http.Reply reply = admin.post("/api/v1/admin/jobs/unrated-cases/run?asOf=2026-13-01T00:00:00Z", null);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.errorFields()).containsExactly("asOf");
	}
}
