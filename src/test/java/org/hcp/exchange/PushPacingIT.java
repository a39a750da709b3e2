package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hcp.jobs.JobRunner;
import org.hcp.privacy.PersonalData;
import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The push yields to a burst of ratings (ADR 0035): with {@code catch-up-after} set, a full batch whose oldest record
 * was queued less than that long ago waits; once it is that old the backlog goes batch after batch; a batch that is
 * not full (a trickle) goes at once. Batches of two keep "full" cheap to reach.
 */
@TestPropertySource(properties = { "hcp.exchange.push.catch-up-after=1m", "hcp.exchange.push.batch=2" })
class PushPacingIT extends ServiceFixtures {

	@Autowired
	PersonalData personalData;

	@Autowired
	JobRunner runner;

	@Autowired
	PushWorker worker;

	@Autowired
	Clock clock;

	private PushReceiver upper;

	@BeforeEach
	void onlyOurUpperAndQueue() throws java.io.IOException {
		jdbc.sql("delete from xch_peer where direction = 'UPPER'").update();
		jdbc.sql("delete from xch_outbox").update();
		upper = new PushReceiver(unique("CITY"), "s3cret-" + unique(""));
		upper.registerAsUpper(jdbc, personalData, hall().region(), SignMode.SM2_ENCRYPT, clock.instant());
	}

	@AfterEach
	void removeUpper() {
		jdbc.sql("delete from xch_peer where direction = 'UPPER'").update();
		jdbc.sql("delete from xch_outbox").update();
		upper.close();
	}

	/** {@code n} service records of new cases: one SERVICE row each, queued now. */
	private List<String> services(int n) {
		List<String> projects = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String projectNo = unique("PACE");
			Http.Reply reply = admin.post("/api/exchange/v1/services", serviceRecord(hall().region(), projectNo, 1));
			assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
			projects.add(projectNo);
		}
		return projects;
	}

	private long unsent() {
		return jdbc.sql("select count(*) from xch_outbox where status <> 'SENT'").query(Long.class).single();
	}

	@Test
	void a_burst_waits_until_its_oldest_record_is_a_minute_old_then_goes_batch_after_batch() throws Exception {
		services(3);
		assertThat(unsent()).isEqualTo(3);

		Map<String, Object> burst = runner.run(worker, clock.instant());
		assertThat(burst).containsEntry("batches", 0).containsEntry("sent", 0).containsEntry("yielded", true);
		assertThat(unsent()).as("a full batch of fresh records waits").isEqualTo(3);
		assertThat(upper.received()).isEmpty();

		services(4);
		jdbc.sql("update xch_outbox set queued_at = :old where status <> 'SENT'")
			.param("old", Timestamp.from(clock.instant().minus(Duration.ofMinutes(2))))
			.update();
		Map<String, Object> old = runner.run(worker, clock.instant());
		assertThat(old).containsEntry("batches", 4).containsEntry("sent", 7).doesNotContainKey("yielded");
		assertThat(unsent()).isZero();
		assertThat(upper.received()).hasSize(7);
	}

	@Test
	void a_lone_record_goes_up_in_the_next_run_whatever_the_pacing() throws Exception {
		services(1);
		Map<String, Object> run = runner.run(worker, clock.instant());
		assertThat(run).containsEntry("batches", 1).containsEntry("sent", 1);
		assertThat(unsent()).isZero();
	}
}
