package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;

/**
 * What the doors keep only for a while is forgotten by the jobs {@code door-housekeeping} (SMS code requests after two
 * days) and {@code idempotency-keys} (the answers of idempotency keys after a week); the ratings stay.
 */
class HousekeepingIT extends ServiceFixtures {

	private Http.Reply run(String job, Instant asOf) {
		Http.Reply reply = admin.post("/api/v1/admin/jobs/" + job + "/run?asOf=" + asOf, null);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply;
	}

	private long count(String sql, String mobileOrCase) {
		return jdbc.sql(sql).param("v", mobileOrCase).query(Long.class).single();
	}

	@Test
	void sms_code_requests_are_forgotten_after_two_days_and_not_before() {
		String applicant = randomMobile();
		aCase().applicantMobile(applicant).completedAfter(5).create();
		smsCode(applicant, null);
		long before = jdbc.sql("select count(*) from door_one_time_code").query(Long.class).single();
		run("door-housekeeping", Instant.now().plus(1, ChronoUnit.DAYS));
		assertThat(jdbc.sql("select count(*) from door_one_time_code").query(Long.class).single()).isEqualTo(before);
		run("door-housekeeping", Instant.now().plus(3, ChronoUnit.DAYS));
		assertThat(jdbc.sql("select count(*) from door_one_time_code").query(Long.class).single()).isZero();
	}

	@Test
	void idempotency_answers_are_forgotten_after_a_week_and_the_rating_stays_once() {
		var c = aCase().completedAfter(5);
		c.create();
		String device = admin.post("/api/v1/binding-tokens", Map.of("kind", "DEVICE", "caseNo", c.caseNo())).json()
			.path("token").asString();
		Map<String, Object> body = Map.of("token", device, "level", 5);
		assertThat(anonymous.header("Idempotency-Key", "week-old").post("/api/v1/evaluations/bound", body).status())
			.isEqualTo(201);
		run("idempotency-keys", Instant.now().plus(6, ChronoUnit.DAYS));
		assertThat(anonymous.header("Idempotency-Key", "week-old").post("/api/v1/evaluations/bound", body).status())
			.as("a replay within the week gets the first answer").isEqualTo(201);
		run("idempotency-keys", Instant.now().plus(8, ChronoUnit.DAYS));
		assertThat(anonymous.header("Idempotency-Key", "week-old").post("/api/v1/evaluations/bound", body).status())
			.as("later, the once-per-service rule answers").isEqualTo(409);
		assertThat(count("select count(*) from evl_evaluation where case_no = :v", c.caseNo())).isEqualTo(1);
	}
}
