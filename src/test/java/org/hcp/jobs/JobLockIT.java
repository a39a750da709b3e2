package org.hcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.hcp.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/** On-demand runs take the same ShedLock cluster lock as scheduled runs. */
class JobLockIT extends ApiTest {

	@Autowired
	LockingTaskExecutor locks;

	@Test
	void a_job_whose_lock_is_held_elsewhere_answers_ran_false() throws Throwable {
		var held = locks.executeWithLock(() -> admin.post("/api/v1/admin/jobs/seal-ratings/run", null).json(),
				new LockConfiguration(Instant.now(), "job:seal-ratings", Duration.ofMinutes(1), Duration.ZERO));

		assertThat(held.wasExecuted()).isTrue();
		assertThat(held.getResult().path("ran").asBoolean()).isFalse();
		assertThat(held.getResult().has("sealed")).isFalse();
		var free = admin.post("/api/v1/admin/jobs/seal-ratings/run", null).json();
		assertThat(free.path("ran").asBoolean()).isTrue();
		assertThat(free.has("sealed")).isTrue();
	}

	@Test
	void the_lock_is_kept_in_the_job_lock_table() {
		admin.post("/api/v1/admin/jobs/seal-ratings/run", null);
		assertThat(jdbc.sql("select count(*) from job_lock where name = 'job:seal-ratings'").query(Integer.class).single())
			.isEqualTo(1);
	}
}
