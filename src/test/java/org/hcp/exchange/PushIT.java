package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hcp.jobs.JobRunner;
import org.hcp.appeal.AppealDecision;
import org.hcp.appeal.AppealOutcome;
import org.hcp.appeal.AppealView;
import org.hcp.appeal.Appeals;
import org.hcp.appeal.NewAppeal;
import org.hcp.privacy.PersonalData;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.RegionCode;
import org.hcp.support.AsCaller;
import org.hcp.support.Http;
import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** The push upward (issue 9 §2, ADR 0032) against a stand-in upper platform on 127.0.0.1. */
class PushIT extends ServiceFixtures {

	@Autowired
	PersonalData personalData;

	@Autowired
	JobRunner runner;

	@Autowired
	PushWorker worker;

	@Autowired
	ResendJob resendJob;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ExchangeProperties properties;

	@Autowired
	Clock clock;

	@Autowired
	EvaluationRecordIntake evaluationIntake;

	@Autowired
	AppealRecordIntake appealIntake;

	@Autowired
	Appeals appeals;

	private PushReceiver upper;

	/** Every test starts without an upper platform and with an empty queue, whatever ran before in this context. */
	@BeforeEach
	void noQueue() {
		jdbc.sql("delete from xch_peer where direction = 'UPPER'").update();
		clearQueue();
	}

	@AfterEach
	void removeUpper() {
		jdbc.sql("delete from xch_peer where direction = 'UPPER'").update();
		clearQueue();
		if (upper != null) {
			upper.close();
			upper = null;
		}
	}

	private void clearQueue() {
		jdbc.sql("delete from xch_outbox").update();
	}

	private PushReceiver registerUpper() throws Exception {
		return registerUpper(SignMode.SM2_ENCRYPT);
	}

	private PushReceiver registerUpper(SignMode mode) throws Exception {
		upper = new PushReceiver(unique("CITY"), "s3cret-" + unique(""));
		upper.registerAsUpper(jdbc, personalData, hall().region(), mode, clock.instant());
		return upper;
	}

	private String serviceAndRating() {
		String projectNo = unique("P");
		Http.Reply service = admin.post("/api/exchange/v1/services", serviceRecord(hall().region(), projectNo, 1));
		assertThat(service.status()).as(service.toString()).isEqualTo(201);
		Http.Reply rating = admin.post("/api/exchange/v1/evaluations", evaluationRecord(projectNo, 5, ""));
		assertThat(rating.status()).as(rating.toString()).isEqualTo(201);
		return projectNo;
	}

	private List<Map<String, Object>> rows(String projectNo) {
		return jdbc.sql("select kind, source, status, attempts, error_code, error_message, last_attempt_at, next_attempt_at,"
				+ " resend_by from xch_outbox where case_key = :p order by id")
			.param("p", projectNo)
			.query()
			.listOfRows();
	}

	private Map<String, Object> push(Instant asOf) {
		return runner.run(worker, asOf);
	}

	private Map<String, Object> push() {
		return push(clock.instant());
	}

	@Test
	void a_rating_writes_its_outbox_row_in_the_same_transaction_and_a_rolled_back_one_none() throws Exception {
		registerUpper();
		String caseNo = unique("TX");
		TransactionTemplate tx = new TransactionTemplate(transactions);
		Long inside = tx.execute(status -> {
			jdbc.sql("insert into evl_evaluation (case_id, case_no, service_no, slot, channel, level, assessed_at,"
					+ " is_default, scope, region_code, department_code, item_code, source, received_at, content_hash)"
					+ " values (-1, :c, 1, 0, 'KIOSK', 5, now(), false, 'SINGLE', :r, 'D', 'I', 'EXCHANGE', now(), '\\x00')")
				.param("c", caseNo)
				.param("r", hall().region())
				.update();
			Long n = jdbc.sql("select count(*) from xch_outbox where case_key = :c and kind = 'EVALUATE'")
				.param("c", caseNo)
				.query(Long.class)
				.single();
			status.setRollbackOnly();
			return n;
		});
		assertThat(inside).isEqualTo(1);
		assertThat(rows(caseNo)).isEmpty();
		assertThat(storedRatings(caseNo)).isZero();

		String committed = serviceAndRating();
		assertThat(rows(committed)).extracting(r -> r.get("kind")).containsExactly("SERVICE", "EVALUATE");
	}

	@Test
	void without_an_upper_platform_nothing_is_queued() {
		String projectNo = serviceAndRating();
		assertThat(rows(projectNo)).isEmpty();
	}

	@Test
	void a_rating_reaches_the_upper_platform_in_the_national_envelope_with_the_raters_identity() throws Exception {
		registerUpper();
		String projectNo = serviceAndRating();
		double before = meters.counter("hcp.exchange.pushed").count();
		Map<String, Object> report = push();
		assertThat(report.get("sent")).isEqualTo(1);
		// the evaluation waits for its service record to be accepted: one record per case and batch
		assertThat(push().get("sent")).isEqualTo(1);
		assertThat(upper.badSigns()).isZero();
		List<PushReceiver.Received> got = upper.received().stream()
			.filter(r -> projectNo.equals(r.record().path("projectNo").asString()))
			.toList();
		assertThat(got).extracting(PushReceiver.Received::list).containsExactly("service", "evaluate");
		JsonNode service = got.get(0).record();
		assertThat(service.path("userName").asString()).isEqualTo("张三");
		assertThat(service.path("certKey").asString()).isEqualTo("110101199003074512");
		assertThat(service.path("proStatus").asInt()).isEqualTo(3);
		assertThat(service.path("serviceTime").asString()).isEqualTo("2026-11-02 09:30:00");
		JsonNode rating = got.get(1).record();
		assertThat(rating.path("satisfaction").asInt()).isEqualTo(5);
		assertThat(rating.path("pf").asInt()).isEqualTo(4);
		assertThat(rating.path("mobile").asString()).isEqualTo("13812345678");
		assertThat(rating.path("isDefault").asBoolean()).isFalse();
		assertThat(rating.path("assessTime").asString()).isEqualTo("2026-11-02 10:00:00");
		// what we send is what our own intake accepts
		EvaluationRecords.parse(rating);
		ServiceRecords.parse(service);
		assertThat(rows(projectNo)).extracting(r -> r.get("status")).containsExactly("SENT", "SENT");
		assertThat(meters.counter("hcp.exchange.pushed").count() - before).isEqualTo(2.0);
	}

	@Test
	void order_per_case_an_evaluation_is_not_sent_before_its_failed_service_record() throws Exception {
		registerUpper();
		upper.answer((list, record) -> "service".equals(list) ? new PushReceiver.Verdict("rejected", "BAD_FIELD")
				: PushReceiver.Verdict.accepted());
		String projectNo = serviceAndRating();
		push();
		push();
		assertThat(rows(projectNo)).extracting(r -> r.get("status")).containsExactly("FAILED", "PENDING");
		assertThat(upper.received()).extracting(PushReceiver.Received::list).doesNotContain("evaluate");

		upper.answer((list, record) -> PushReceiver.Verdict.accepted());
		Instant later = clock.instant().plusSeconds(5);
		push(later);
		push(later);
		assertThat(rows(projectNo)).extracting(r -> r.get("status")).containsExactly("SENT", "SENT");
		assertThat(upper.received()).extracting(PushReceiver.Received::list).containsExactly("service", "service", "evaluate");
	}

	@Test
	void failure_stores_the_peers_answer_and_the_backoff_doubles() throws Exception {
		registerUpper();
		upper.answer((list, record) -> new PushReceiver.Verdict("rejected", "UNKNOWN_SERVICE"));
		String projectNo = serviceAndRating();
		Instant t = clock.instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
		push(t);
		Map<String, Object> first = rows(projectNo).get(0);
		assertThat(first.get("status")).isEqualTo("FAILED");
		assertThat(first.get("attempts")).isEqualTo(1);
		assertThat(first.get("error_code")).isEqualTo("UNKNOWN_SERVICE");
		assertThat((String) first.get("error_message")).contains("上级拒收 UNKNOWN_SERVICE").contains("refused UNKNOWN_SERVICE");
		assertThat(pause(first)).isEqualTo(Duration.ofSeconds(1));

		push(t.plusMillis(500));
		assertThat(rows(projectNo).get(0).get("attempts")).as("not due before its pause ends").isEqualTo(1);
		push(t.plusSeconds(1));
		assertThat(pause(rows(projectNo).get(0))).isEqualTo(Duration.ofSeconds(2));
		push(t.plusSeconds(3));
		assertThat(pause(rows(projectNo).get(0))).isEqualTo(Duration.ofSeconds(4));
		assertThat(rows(projectNo).get(0).get("attempts")).isEqualTo(3);
		assertThat(worker.backoff(40)).isEqualTo(properties.push().backoffMax());
	}

	private static Duration pause(Map<String, Object> row) {
		return Duration.between(((Timestamp) row.get("last_attempt_at")).toInstant(),
				((Timestamp) row.get("next_attempt_at")).toInstant());
	}

	@Test
	void a_duplicate_answer_counts_as_sent() throws Exception {
		registerUpper();
		upper.answer((list, record) -> new PushReceiver.Verdict("duplicate", null));
		String projectNo = serviceAndRating();
		push();
		push();
		assertThat(rows(projectNo)).extracting(r -> r.get("status")).containsExactly("SENT", "SENT");
	}

	@Test
	void a_request_refused_as_a_whole_fails_every_record_with_that_answer() throws Exception {
		registerUpper();
		upper.failWith(401);
		String projectNo = serviceAndRating();
		double failedBefore = meters.counter("hcp.exchange.push.failed").count();
		push();
		Map<String, Object> row = rows(projectNo).get(0);
		assertThat(row.get("status")).isEqualTo("FAILED");
		assertThat(row.get("error_code")).isEqualTo("BAD_SIGN");
		assertThat((String) row.get("error_message")).contains("签名无效");
		assertThat(meters.counter("hcp.exchange.push.failed").count() - failedBefore).isEqualTo(1.0);

		upper.close();
		push(clock.instant().plusSeconds(10));
		assertThat(rows(projectNo).get(0).get("error_code")).isEqualTo("UNREACHABLE");
	}

	@Test
	void resend_failed_makes_failed_records_due_now_and_records_who_asked() throws Exception {
		registerUpper();
		upper.answer((list, record) -> new PushReceiver.Verdict("rejected", "BAD_FIELD"));
		String projectNo = serviceAndRating();
		push();
		jdbc.sql("update xch_outbox set next_attempt_at = now() + interval '1 hour' where case_key = :p")
			.param("p", projectNo)
			.update();
		Http.Reply reply = admin.post("/api/v1/admin/exchange/resend", Map.of("scope", "FAILED"));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().path("queued").asInt()).isEqualTo(1);
		Map<String, Object> row = rows(projectNo).get(0);
		assertThat(((Timestamp) row.get("next_attempt_at")).toInstant()).isBeforeOrEqualTo(clock.instant());
		assertThat(row.get("resend_by")).isNotNull();
	}

	@Test
	void resend_by_period_queues_facts_from_before_the_upper_platform_existed() throws Exception {
		String projectNo = serviceAndRating();
		assertThat(rows(projectNo)).isEmpty();
		registerUpper();
		Http.Reply reply = admin.post("/api/v1/admin/exchange/resend",
				Map.of("scope", "PERIOD", "from", "2026-11-02", "to", "2026-11-02", "regionCode", hall().region()));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().path("queued").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(rows(projectNo)).extracting(r -> r.get("kind")).containsExactly("SERVICE", "EVALUATE");
		Http.Reply outside = admin.post("/api/v1/admin/exchange/resend",
				Map.of("scope", "PERIOD", "from", "2026-11-03", "to", "2026-11-03", "regionCode", hall().region()));
		assertThat(outside.status()).isEqualTo(200);
		assertThat(rows(projectNo)).hasSize(2);
	}

	@Test
	void resend_by_region_queues_every_fact_of_the_region_once() throws Exception {
		String projectNo = serviceAndRating();
		registerUpper();
		Map<String, Object> body = Map.of("scope", "REGION", "regionCode", hall().region());
		assertThat(admin.post("/api/v1/admin/exchange/resend", body).status()).isEqualTo(200);
		assertThat(rows(projectNo)).extracting(r -> r.get("kind")).containsExactly("SERVICE", "EVALUATE");
		// asked again while they wait: nothing doubled
		assertThat(admin.post("/api/v1/admin/exchange/resend", body).status()).isEqualTo(200);
		assertThat(rows(projectNo)).hasSize(2);
		push();
		push();
		assertThat(rows(projectNo)).extracting(r -> r.get("status")).containsExactly("SENT", "SENT");
	}

	@Test
	void resend_refuses_a_bad_request_and_period_without_an_upper_platform() {
		assertThat(admin.post("/api/v1/admin/exchange/resend", Map.of("scope", "ALL")).status()).isEqualTo(422);
		assertThat(admin.post("/api/v1/admin/exchange/resend", Map.of("scope", "PERIOD", "from", "2026-13-01", "to",
				"2026-11-02")).errorFields()).containsExactly("from");
		Http.Reply none = admin.post("/api/v1/admin/exchange/resend", Map.of("scope", "REGION", "regionCode", hall().region()));
		assertThat(none.status()).isEqualTo(409);
		assertThat(none.json().path("code").asString()).isEqualTo("NO_UPPER_PLATFORM");
	}

	@Test
	void the_stuck_job_makes_long_unsent_records_due_now() throws Exception {
		registerUpper();
		String projectNo = serviceAndRating();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		jdbc.sql("update xch_outbox set queued_at = :q, next_attempt_at = :n where case_key = :p")
			.param("q", Timestamp.from(now.minus(properties.push().stuckAfter()).minusSeconds(60)))
			.param("n", Timestamp.from(now.plus(Duration.ofHours(1))))
			.param("p", projectNo)
			.update();
		Map<String, Object> report = runner.run(resendJob, now);
		assertThat(report.get("due")).isEqualTo(2);
		assertThat(rows(projectNo)).allSatisfy(r -> {
			assertThat(((Timestamp) r.get("next_attempt_at")).toInstant()).isBeforeOrEqualTo(now);
			assertThat(r.get("resend_by")).isEqualTo("exchange-resend");
		});
	}

	@Test
	void health_turns_degraded_when_the_oldest_unsent_record_is_older_than_the_limit() throws Exception {
		registerUpper();
		String projectNo = serviceAndRating();
		Duration limit = properties.push().backlogLimit();
		setQueuedAt(projectNo, clock.instant().minus(limit).plusSeconds(30));
		Http.Reply fresh = admin.get("/actuator/health");
		assertThat(fresh.json().path("components").path("exchange").path("status").asString()).isEqualTo("UP");

		setQueuedAt(projectNo, clock.instant().minus(limit).minusSeconds(30));
		Http.Reply old = admin.get("/actuator/health");
		assertThat(old.status()).isEqualTo(200);
		JsonNode exchange = old.json().path("components").path("exchange");
		assertThat(exchange.path("status").asString()).isEqualTo("DEGRADED");
		assertThat(exchange.path("details").path("pending").asInt()).isEqualTo(2);
		assertThat(old.json().path("status").asString()).isEqualTo("DEGRADED");
		Http.Reply backlog = admin.get("/api/v1/exchange/backlog");
		assertThat(backlog.json().path("degraded").asBoolean()).isTrue();
		assertThat(backlog.json().path("oldestAgeSeconds").asLong()).isGreaterThan(limit.toSeconds());
	}

	private void setQueuedAt(String projectNo, Instant at) {
		jdbc.sql("update xch_outbox set queued_at = :q where case_key = :p")
			.param("q", Timestamp.from(at))
			.param("p", projectNo)
			.update();
	}

	@Test
	void the_backlog_metrics_count_unsent_records_and_the_oldest_age() throws Exception {
		registerUpper();
		String projectNo = serviceAndRating();
		setQueuedAt(projectNo, clock.instant().minusSeconds(120));
		assertThat(meters.get("hcp.exchange.backlog").gauge().value()).isEqualTo(2.0);
		assertThat(meters.get("hcp.exchange.backlog.oldest.age").gauge().value()).isBetween(120.0, 180.0);
		push();
		push();
		assertThat(meters.get("hcp.exchange.backlog").gauge().value()).isZero();
		assertThat(meters.get("hcp.exchange.backlog.oldest.age").gauge().value()).isZero();
	}

	@Test
	void the_outbox_lists_failures_with_the_peers_answer() throws Exception {
		registerUpper();
		upper.answer((list, record) -> new PushReceiver.Verdict("rejected", "OUT_OF_SCOPE"));
		String projectNo = serviceAndRating();
		push();
		Http.Reply list = admin.get("/api/v1/exchange/outbox?status=FAILED&region=" + hall().region());
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		JsonNode item = list.json().path("items").get(0);
		assertThat(item.path("projectNo").asString()).isEqualTo(projectNo);
		assertThat(item.path("errorCode").asString()).isEqualTo("OUT_OF_SCOPE");
		assertThat(item.path("attempts").asInt()).isEqualTo(1);
		assertThat(admin.get("/api/v1/exchange/outbox?status=LOST").status()).isEqualTo(400);
	}

	@Test
	void the_office_screen_shows_failures_with_the_peers_answer_in_its_region_only() throws Exception {
		registerUpper();
		upper.answer((list, record) -> new PushReceiver.Verdict("rejected", "BAD_FIELD"));
		String projectNo = serviceAndRating();
		push();
		org.hcp.support.People people = new org.hcp.support.People(port);
		org.hcp.support.People.Page mine = people.office(hall().region()).signIn().get("/app/exchange");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.text()).contains(projectNo).contains("BAD_FIELD").contains("上级拒收 BAD_FIELD")
			.doesNotContain("outbox-resend");
		String elsewhere = hall().region();
		while (elsewhere.startsWith(hall().region().substring(0, 6))) {
			elsewhere = freeTownship().substring(0, 6) + "000000";
		}
		org.hcp.support.People.Page other = people.office(elsewhere).signIn().get("/app/exchange");
		assertThat(other.status()).isEqualTo(200);
		assertThat(other.text()).doesNotContain(projectNo);
		org.hcp.support.People.Session admin = people.admin().signIn();
		assertThat(admin.get("/app/exchange").text()).contains("outbox-resend");
		org.hcp.support.People.Page resent = admin.post("/app/exchange/resend", java.util.Map.of());
		assertThat(resent.status()).isEqualTo(302);
		assertThat(rows(projectNo).get(0).get("resend_by")).isNotNull();
	}

	@Test
	void a_bad_reviews_work_order_steps_go_up_as_rectification_records_in_order() throws Exception {
		registerUpper();
		String projectNo = unique("P");
		assertThat(admin.post("/api/exchange/v1/services", serviceRecord(hall().region(), projectNo, 1)).status()).isEqualTo(201);
		Map<String, Object> bad = new java.util.HashMap<>(evaluationRecord(projectNo, 1, ""));
		bad.put("writingEvaluation", "窗口态度差");
		assertThat(admin.post("/api/exchange/v1/evaluations", List.of(bad)).status()).isBetween(200, 201);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> rows(projectNo).stream()
			.anyMatch(r -> "RECTIFICATION".equals(r.get("kind"))));
		for (int i = 0; i < 6; i++) {
			push();
		}
		assertThat(rows(projectNo)).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SENT"));
		List<PushReceiver.Received> got = upper.received().stream()
			.filter(r -> projectNo.equals(r.record().path("projectNo").asString()))
			.toList();
		assertThat(got.get(0).list()).isEqualTo("service");
		assertThat(got.get(1).list()).isEqualTo("evaluate");
		JsonNode step = got.stream().filter(r -> "rectification".equals(r.list())).findFirst().orElseThrow().record();
		assertThat(step.path("orderNo").asString()).isNotBlank();
		assertThat(step.path("stepNo").asLong()).isPositive();
		assertThat(step.path("state").asString()).isNotBlank();
		assertThat(step.path("stepTime").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		List<Long> steps = got.stream().filter(r -> "rectification".equals(r.list()))
			.map(r -> r.record().path("stepNo").asLong()).toList();
		assertThat(steps).isSorted();
	}

	@Test
	void a_rectification_record_carries_the_planned_date_and_revisit_result_as_of_its_step_not_as_of_the_push()
			throws Exception {
		registerUpper();
		String projectNo = unique("P");
		long id = badRatingWithItsOrder(projectNo);

		// the whole round trip happens before any push (the job does not run by itself here): a backlog, as after an
		// outage, and the records are built when they are pushed
		People people = new People(port);
		People.Person hotline = people.hotline(hall().region());
		People.Person department = people.department(hall().region(), hall().department());
		String order = "/api/v1/work-orders/" + id;
		LocalDate planned = ChinaTime.dateOf(clock.instant()).plusDays(3);
		int v = versionOf(hotline.api().get(order));
		v = versionOf(hotline.api().post(order + "/dispatch", Map.of("version", v)));
		v = versionOf(department.api().post(order + "/verify",
				Map.of("version", v, "contacted", "评价人", "contactMethod", "电话", "findings", "退回说明不清属实")));
		v = versionOf(department.api().post(order + "/ledger-entry",
				Map.of("version", v, "plannedBy", planned.toString(), "plan", "统一一次性告知单")));
		v = versionOf(department.api().post(order + "/rectify", Map.of("version", v, "evidence", "告知单已上墙", "files", List.of())));
		v = versionOf(department.api().post(order + "/reply", Map.of("version", v, "text", "已整改")));
		v = versionOf(hotline.api().post(order + "/revisit", Map.of("version", v, "outcome", "NOT_SATISFIED", "note", "仍不满意")));
		v = versionOf(department.api().post(order + "/rectify-at-once", Map.of("version", v, "evidence", "专人帮办", "files", List.of())));
		v = versionOf(department.api().post(order + "/reply", Map.of("version", v, "text", "已安排专人帮办")));
		versionOf(hotline.api().post(order + "/revisit", Map.of("version", v, "outcome", "SATISFIED", "note", "满意")));
		assertThat(jdbc.sql("select planned_by is null and revisit_outcome = 'SATISFIED' from rct_work_order where id = :id")
			.param("id", id).query(Boolean.class).single()).as("the order has moved on").isTrue();

		// one record of a case per push run: a service record, a rating and ten steps
		pushUntilSent(projectNo, 20);
		Map<String, JsonNode> steps = new java.util.HashMap<>();
		upper.received().stream()
			.filter(r -> "rectification".equals(r.list()) && projectNo.equals(r.record().path("projectNo").asString()))
			.forEach(r -> steps.put(r.record().path("action").asString(), r.record()));
		assertThat(steps.get("enter-in-ledger").path("plannedBy").asString()).isEqualTo(planned.toString());
		assertThat(steps.get("enter-in-ledger").has("revisitResult")).isFalse();
		assertThat(steps.get("reopen").path("revisitResult").asString()).isEqualTo("NOT_SATISFIED");
		assertThat(steps.get("reopen").has("plannedBy")).as("a reopened order has no planned date").isFalse();
		assertThat(steps.get("revisit").path("revisitResult").asString()).isEqualTo("SATISFIED");
	}

	@Test
	void an_appeal_decided_here_goes_up_as_an_appeal_record_with_our_appeal_number() throws Exception {
		registerUpper();
		String projectNo = unique("P");
		long orderId = badRatingWithItsOrder(projectNo);
		People.Person hotline = new People(port).hotline(hall().region());
		String order = "/api/v1/work-orders/" + orderId;
		versionOf(hotline.api().post(order + "/dispatch", Map.of("version", versionOf(hotline.api().get(order)))));
		RegionCode region = RegionCode.parse("region", hall().region());
		long someone = 700_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000);
		Caller department = Caller.person(someone, "dept" + someone, Set.of(Role.DEPARTMENT), region, hall().department(), null);
		Caller office = Caller.person(someone + 1, "office" + someone, Set.of(Role.OFFICE), region, null, null);
		AppealView filed = AsCaller.run(department,
				() -> appeals.file(new NewAppeal(orderId, "评价人当场表示误点一星", "现场监控截图", List.of())));
		AsCaller.run(office, () -> appeals.decide(filed.id(), new AppealDecision(AppealOutcome.MISTAKEN, "监控显示误操作")));

		pushUntilSent(projectNo, 20);
		JsonNode decision = upper.received().stream()
			.filter(r -> "appeal".equals(r.list()) && projectNo.equals(r.record().path("projectNo").asString()))
			.map(PushReceiver.Received::record)
			.reduce((a, b) -> {
				throw new AssertionError("one decision, one appeal record: " + a + " and " + b);
			})
			.orElseThrow(() -> new AssertionError("no appeal record went up for " + projectNo));
		assertThat(decision.path("appealNo").asString()).isEqualTo(Long.toString(filed.id()));
		assertThat(decision.path("outcome").asString()).isEqualTo("MISTAKEN");
		assertThat(decision.path("reason").asString()).isEqualTo("监控显示误操作");
		assertThat(decision.path("decisionTime").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		assertThat(decision.path("serviceNumber").asInt()).isEqualTo(1);
	}

	/** A service record and its 1-star rating through the exchange API; waits for the work order and returns its id. */
	private long badRatingWithItsOrder(String projectNo) {
		assertThat(admin.post("/api/exchange/v1/services", serviceRecord(hall().region(), projectNo, 1)).status()).isEqualTo(201);
		Map<String, Object> bad = new java.util.HashMap<>(evaluationRecord(projectNo, 1, ""));
		bad.put("writingEvaluation", "材料反复退回");
		assertThat(admin.post("/api/exchange/v1/evaluations", List.of(bad)).status()).isBetween(200, 201);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("select count(*) from rct_order_rating where case_no = :p").param("p", projectNo).query(Long.class).single() > 0);
		return jdbc.sql("select order_id from rct_order_rating where case_no = :p").param("p", projectNo)
			.query(Long.class).single();
	}

	private static int versionOf(Http.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json().path("version").asInt();
	}

	@Test
	void the_report_counts_the_ratings_the_upper_platform_accepted_once_one_is_registered() throws Exception {
		String township = freeTownship();
		assertThat(uploadedCell(township).getStringCellValue()).isEqualTo("未接入上级平台");
		registerUpper();
		String projectNo = unique("P");
		assertThat(admin.post("/api/exchange/v1/services", serviceRecord(township, projectNo, 1)).status()).isEqualTo(201);
		assertThat(admin.post("/api/exchange/v1/evaluations", evaluationRecord(projectNo, 5, "")).status()).isEqualTo(201);
		assertThat(uploadedCell(township).getNumericCellValue()).isZero();
		push();
		push();
		assertThat(uploadedCell(township).getNumericCellValue()).isEqualTo(1.0);
	}

	private org.apache.poi.ss.usermodel.Cell uploadedCell(String region) throws Exception {
		java.net.http.HttpResponse<byte[]> xlsx = java.net.http.HttpClient.newHttpClient().send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/reports/"
						+ region + "/2026Q4.xlsx")).header("X-Api-Key", ADMIN_KEY).build(),
				java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx.body()))) {
			for (org.apache.poi.ss.usermodel.Row row : book.getSheet("汇总")) {
				org.apache.poi.ss.usermodel.Cell code = row.getCell(4);
				if (code != null && code.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
						&& "UPLOADED".equals(code.getStringCellValue())) {
					return row.getCell(1);
				}
			}
		}
		throw new AssertionError("no UPLOADED row in the workbook");
	}

	private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();

	/**
	 * A case of the test hall, rated 1 star at a lower platform {@code county} and relayed here, whose appeal that
	 * platform upheld: the decision recorded as {@code AppealRecordIntake} records it. Returns the case number.
	 */
	private String relayedRatingWithUpheldAppeal(String county, String appealNo) {
		String projectNo = unique("P");
		assertThat(admin.post("/api/exchange/v1/services", serviceRecord(hall().region(), projectNo, 1)).status()).isEqualTo(201);
		List<RecordResult> rating = evaluationIntake.intake(List.of(JSON.valueToTree(evaluationRecord(projectNo, 1, "111"))),
				county);
		assertThat(rating.get(0).status()).as(rating.toString()).isEqualTo("accepted");
		// the remote order is opened after the rating's commit; wait for it so its steps are queued before the appeal
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"select count(*) from rct_order_rating where case_no = :c").param("c", projectNo).query(Long.class).single() > 0);
		Map<String, Object> appeal = Map.of("projectNo", projectNo, "serviceNumber", 1, "assessNumber", 1, "appealNo",
				appealNo, "orderNo", "GDX-" + appealNo.hashCode() % 10000, "outcome", "MISTAKEN", "reason", "评价人误评",
				"decisionTime", "2026-11-05 10:00:00");
		List<RecordResult> decided = appealIntake.intake(List.of(JSON.valueToTree(appeal)), county);
		assertThat(decided.get(0).status()).as(decided.toString()).isEqualTo("accepted");
		return projectNo;
	}

	private void pushUntilSent(String projectNo) {
		pushUntilSent(projectNo, 12);
	}

	/** Pushes until every row of the case is sent: one record of a case per push run. */
	private void pushUntilSent(String projectNo, int runs) {
		for (int i = 0; i < runs && rows(projectNo).stream().anyMatch(r -> !"SENT".equals(r.get("status"))); i++) {
			push();
		}
		assertThat(rows(projectNo)).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SENT"));
	}

	@Test
	void an_appeal_decision_relayed_from_a_lower_platform_goes_up_as_an_appeal_record_with_its_appeal_number()
			throws Exception {
		registerUpper();
		String county = unique("COUNTY");
		String appealNo = unique("SS");
		String projectNo = relayedRatingWithUpheldAppeal(county, appealNo);
		assertThat(rows(projectNo)).filteredOn(r -> "APPEAL".equals(r.get("kind")))
			.extracting(r -> r.get("source"))
			.containsExactly("RELAYED");
		pushUntilSent(projectNo);
		List<PushReceiver.Received> got = upper.received().stream()
			.filter(r -> projectNo.equals(r.record().path("projectNo").asString()))
			.toList();
		assertThat(got).extracting(PushReceiver.Received::list).startsWith("service", "evaluate").endsWith("appeal");
		JsonNode appeal = got.get(got.size() - 1).record();
		assertThat(appeal.path("appealNo").asString()).isEqualTo(appealNo);
		assertThat(appeal.path("outcome").asString()).isEqualTo("MISTAKEN");
		assertThat(appeal.path("reason").asString()).isEqualTo("评价人误评");
		assertThat(appeal.path("decisionTime").asString()).isEqualTo("2026-11-05 10:00:00");
		assertThat(appeal.path("orderNo").asString()).isEqualTo("GDX-" + appealNo.hashCode() % 10000);
		assertThat(appeal.path("serviceNumber").asInt()).isEqualTo(1);
		assertThat(appeal.path("assessNumber").asInt()).isEqualTo(1);
	}

	@Test
	void resend_by_period_and_region_requeues_appeal_decisions_relayed_from_a_lower_platform() throws Exception {
		String projectNo = relayedRatingWithUpheldAppeal(unique("COUNTY"), unique("SS"));
		assertThat(rows(projectNo)).isEmpty();
		registerUpper();
		Map<String, Object> region = Map.of("scope", "REGION", "regionCode", hall().region());
		assertThat(admin.post("/api/v1/admin/exchange/resend", region).status()).isEqualTo(200);
		assertThat(rows(projectNo)).filteredOn(r -> "APPEAL".equals(r.get("kind")))
			.extracting(r -> r.get("source"))
			.containsExactly("RELAYED");
		// asked again while it waits: not doubled
		assertThat(admin.post("/api/v1/admin/exchange/resend", region).status()).isEqualTo(200);
		assertThat(rows(projectNo)).filteredOn(r -> "APPEAL".equals(r.get("kind"))).hasSize(1);

		clearQueue();
		Http.Reply period = admin.post("/api/v1/admin/exchange/resend",
				Map.of("scope", "PERIOD", "from", "2026-11-05", "to", "2026-11-05", "regionCode", hall().region()));
		assertThat(period.status()).as(period.toString()).isEqualTo(200);
		assertThat(rows(projectNo)).extracting(r -> r.get("kind") + " " + r.get("source")).containsExactly("APPEAL RELAYED");
		pushUntilSent(projectNo);
		assertThat(upper.received()).filteredOn(r -> projectNo.equals(r.record().path("projectNo").asString()))
			.extracting(PushReceiver.Received::list)
			.containsExactly("appeal");
	}

	@Test
	void an_upper_platform_with_sm2_sign_verifies_the_envelope_with_our_current_public_key() throws Exception {
		registerUpper(SignMode.SM2_SIGN);
		Http.Reply key = admin.get("/api/exchange/v1/public-key");
		assertThat(key.status()).as(key.toString()).isEqualTo(200);
		upper.verifySm2Sign(List.of(key.json().path("publicKey").asString()));
		String projectNo = serviceAndRating();
		push();
		push();
		assertThat(upper.badSigns()).isZero();
		assertThat(rows(projectNo)).extracting(r -> r.get("status")).containsExactly("SENT", "SENT");
		assertThat(upper.received()).filteredOn(r -> projectNo.equals(r.record().path("projectNo").asString()))
			.extracting(PushReceiver.Received::list)
			.containsExactly("service", "evaluate");
	}

	@Test
	void an_upper_platform_with_sm2_sign_holding_another_public_key_answers_bad_sign_and_the_rows_fail()
			throws Exception {
		registerUpper(SignMode.SM2_SIGN);
		upper.verifySm2Sign(List.of(Sm2.generate().publicKey()));
		String projectNo = serviceAndRating();
		push();
		assertThat(upper.badSigns()).isEqualTo(1);
		assertThat(upper.received()).isEmpty();
		// the batch carried the case's service record; its rating waits behind it
		assertThat(rows(projectNo)).extracting(r -> r.get("kind") + " " + r.get("status") + " " + r.get("error_code"))
			.containsExactly("SERVICE FAILED BAD_SIGN", "EVALUATE PENDING null");
		push(clock.instant().plusSeconds(5));
		assertThat(upper.badSigns()).isEqualTo(2);
		assertThat(rows(projectNo).get(0).get("attempts")).isEqualTo(2);
		assertThat(rows(projectNo).get(0).get("error_code")).isEqualTo("BAD_SIGN");
	}
}
