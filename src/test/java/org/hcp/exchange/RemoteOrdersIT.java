package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hcp.evaluation.Evaluations;
import org.hcp.privacy.PersonalData;
import org.hcp.rectification.WorkOrders;
import org.hcp.security.Role;
import org.hcp.support.Http;
import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Remote work orders (ADR 0033): ratings relayed by a lower platform that handles its own orders are shown here
 * read-only, follow that platform's rectification records, count in the statistics, and leave by its appeals.
 */
class RemoteOrdersIT extends ServiceFixtures {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	EvaluationRecordIntake evaluationIntake;

	@Autowired
	RectificationRecordIntake rectificationIntake;

	@Autowired
	AppealRecordIntake appealIntake;

	@Autowired
	Evaluations evaluations;

	@Autowired
	PersonalData personalData;

	@Autowired
	WorkOrders workOrders;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final String peer = unique("COUNTY");

	/** A case of the test hall pushed as a service record, rated 1 star by the lower platform and relayed here. */
	private String relayedBadRating() {
		String projectNo = unique("P");
		assertThat(admin.post("/api/exchange/v1/services", serviceRecord("980101", projectNo, 1)).status()).isEqualTo(201);
		List<RecordResult> results = evaluationIntake.intake(List.of(node(evaluationRecord(projectNo, 1, "111"))), peer);
		assertThat(results.get(0).status()).as(results.toString()).isEqualTo("accepted");
		return projectNo;
	}

	private long ratingOf(String projectNo) {
		return evaluations.ratingOf(projectNo, 1, 1).orElseThrow();
	}

	private long orderOf(String projectNo) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from rct_order_rating where case_no = :c")
			.param("c", projectNo).query(Long.class).single() > 0);
		return jdbc.sql("select order_id from rct_order_rating where case_no = :c").param("c", projectNo)
			.query(Long.class).single();
	}

	private Map<String, Object> order(long id) {
		return jdbc.sql("select * from rct_work_order where id = :id").param("id", id).query().singleRow();
	}

	private static Map<String, Object> step(String projectNo, long stepNo, String state, String action) {
		Map<String, Object> r = new HashMap<>();
		r.put("projectNo", projectNo);
		r.put("serviceNumber", 1);
		r.put("assessNumber", 1);
		r.put("orderNo", "GDX" + projectNo.hashCode() % 100000);
		r.put("stepNo", stepNo);
		r.put("state", state);
		r.put("action", action);
		r.put("stepTime", "2026-11-0" + Math.min(9, 2 + stepNo) + " 10:00:00");
		r.put("opinion", "下级平台：" + action);
		return r;
	}

	private String send(Map<String, Object> record) {
		List<RecordResult> results = rectificationIntake.intake(List.of(node(record)), peer);
		return results.get(0).status() + (results.get(0).code() == null ? "" : ":" + results.get(0).code());
	}

	private static JsonNode node(Map<String, Object> record) {
		return JSON.valueToTree(record);
	}

	@Test
	void a_relayed_bad_rating_opens_a_read_only_order_and_every_action_is_refused_with_409_remote_order() {
		String projectNo = relayedBadRating();
		long id = orderOf(projectNo);
		Map<String, Object> row = order(id);
		assertThat(row.get("remote_peer")).isEqualTo(peer);
		assertThat(row.get("deadline")).isNull();
		assertThat(row.get("rater_mobile_enc")).as("the city never calls the rater").isNull();

		People.Person everyone = new People(port).with(Role.HOTLINE, Role.DEPARTMENT, Role.OFFICE, Role.ASSESSOR)
			.region(hall().region()).department(hall().department()).create();
		int version = everyone.api().get("/api/v1/work-orders/" + id).json().path("version").asInt();
		Map<String, Object> body = new HashMap<>(Map.of("version", version, "reason", "理由", "text", "答复", "note", "备注",
				"outcome", "SATISFIED", "contacted", "评价人", "contactMethod", "电话", "findings", "属实", "evidence", "已整改"));
		body.put("plan", "计划");
		body.put("plannedBy", "2026-12-31");
		body.put("newDeadline", "2026-12-31");
		List<String> actions = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			boolean post = info.getMethodsCondition().getMethods().contains(RequestMethod.POST);
			boolean multipart = !info.getConsumesCondition().getConsumableMediaTypes().isEmpty()
					&& info.getConsumesCondition().getConsumableMediaTypes().stream().allMatch(m -> m.getType().equals("multipart"));
			for (String pattern : info.getPatternValues()) {
				if (post && !multipart && pattern.startsWith("/api/v1/work-orders/{id}/")) {
					actions.add(pattern.replace("{id}", Long.toString(id)));
				}
			}
		});
		assertThat(actions).hasSizeGreaterThan(12);
		for (String action : actions) {
			Http.Reply refused = everyone.api().post(action, body);
			assertThat(refused.status()).as(action + " " + refused).isEqualTo(409);
			assertThat(refused.json().path("code").asString()).as(action).isEqualTo("REMOTE_ORDER");
		}
		assertThat(order(id).get("state")).isEqualTo("RECEIVED");
		assertThat(jdbc.sql("select count(*) from rct_audit where order_id = :id").param("id", id).query(Long.class)
			.single()).as("only the opening").isEqualTo(1);
	}

	@Test
	void steps_applied_in_order_update_the_order_and_the_statistics() {
		String projectNo = relayedBadRating();
		long id = orderOf(projectNo);
		String region = jdbc.sql("select region_code from evl_evaluation where case_no = :c").param("c", projectNo)
			.query(String.class).single();
		String key = "/api/v1/statistics?key=" + region + "&period=2026";
		admin.post("/api/v1/admin/statistics/catch-up", null);
		JsonNode before = admin.get(key).json();

		assertThat(send(step(projectNo, 1, "DISPATCHED", "dispatch"))).isEqualTo("accepted:OK");
		assertThat(send(step(projectNo, 2, "VERIFIED", "verify"))).isEqualTo("accepted:OK");
		assertThat(send(step(projectNo, 3, "RECTIFIED", "rectify-at-once"))).isEqualTo("accepted:OK");
		assertThat(send(step(projectNo, 4, "REPLIED", "reply"))).isEqualTo("accepted:OK");
		Map<String, Object> revisit = step(projectNo, 5, "REVISITED", "revisit");
		revisit.put("revisitResult", "SATISFIED");
		assertThat(send(revisit)).isEqualTo("accepted:OK");

		Map<String, Object> row = order(id);
		assertThat(row.get("state")).isEqualTo("REVISITED");
		assertThat(row.get("rectified_at")).isNotNull();
		assertThat(row.get("replied_at")).isNotNull();
		assertThat(row.get("revisit_outcome")).isEqualTo("SATISFIED");
		assertThat(row.get("remote_step")).isEqualTo(5L);
		assertThat(row.get("deadline")).isNull();
		assertThat(jdbc.sql("select actor from rct_audit where order_id = :id and action = 'rectify-at-once'")
			.param("id", id).query(String.class).single()).isEqualTo("下级平台 " + peer);

		admin.post("/api/v1/admin/statistics/catch-up", null);
		JsonNode after = admin.get(key).json();
		for (String metric : List.of("VALID_BAD", "BAD_REPLIED", "BAD_RECTIFIED", "BAD_REVISIT_SATISFIED")) {
			assertThat(count(after, metric)).as(metric).isEqualTo(count(before, metric) + 1);
		}
		Http.Reply check = admin.post("/api/v1/admin/statistics/check?key=" + region + "&period=2026", null);
		assertThat(check.json().path("allEqual").asBoolean()).as(check.text()).isTrue();
	}

	@Test
	void a_re_sent_step_is_a_duplicate_and_changes_nothing() {
		String projectNo = relayedBadRating();
		long id = orderOf(projectNo);
		assertThat(send(step(projectNo, 7, "DISPATCHED", "dispatch"))).isEqualTo("accepted:OK");
		Map<String, Object> once = order(id);
		assertThat(send(step(projectNo, 7, "DISPATCHED", "dispatch"))).startsWith("duplicate");
		assertThat(send(step(projectNo, 6, "VERIFIED", "verify"))).as("an older step").startsWith("duplicate");
		assertThat(order(id)).isEqualTo(once);
		assertThat(jdbc.sql("select count(*) from rct_audit where order_id = :id").param("id", id).query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void a_step_that_arrives_before_the_order_was_opened_still_yields_exactly_one_order() {
		String projectNo = relayedBadRating();
		assertThat(send(step(projectNo, 1, "DISPATCHED", "dispatch"))).isEqualTo("accepted:OK");
		long id = orderOf(projectNo);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
		assertThat(jdbc.sql("select count(*) from rct_order_rating where case_no = :c").param("c", projectNo)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from rct_work_order where source_key = :k")
			.param("k", "BAD_REVIEW:E:" + ratingOf(projectNo)).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from rct_audit where order_id = :id and action = 'open'").param("id", id)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(order(id).get("state")).isEqualTo("DISPATCHED");
	}

	@Test
	void a_step_with_a_state_that_is_none_of_the_twelve_is_rejected_naming_the_field_state() {
		String projectNo = relayedBadRating();
		List<RecordResult> results = rectificationIntake.intake(List.of(node(step(projectNo, 1, "FIXED", "fix"))), peer);
		assertThat(results.get(0).status()).isEqualTo("rejected");
		assertThat(results.get(0).field()).isEqualTo("state");
	}

	@Test
	void a_step_about_a_rating_not_stored_here_is_rejected_as_unknown_evaluation() {
		List<RecordResult> results = rectificationIntake.intake(List.of(node(step(unique("P"), 1, "DISPATCHED", "dispatch"))),
				peer);
		assertThat(results.get(0).status()).isEqualTo("rejected");
		assertThat(results.get(0).code()).isEqualTo("UNKNOWN_EVALUATION");
	}

	@Test
	void an_upheld_appeal_at_the_lower_platform_excludes_the_rating_here_once_and_a_rejected_one_excludes_nothing() {
		String upheld = relayedBadRating();
		Map<String, Object> appeal = new HashMap<>(Map.of("projectNo", upheld, "serviceNumber", 1, "appealNo",
				unique("SS"), "outcome", "MISTAKEN", "reason", "评价人误评", "decisionTime", "2026-11-05 10:00:00"));
		assertThat(appealIntake.intake(List.of(node(appeal)), peer).get(0).status()).isEqualTo("accepted");
		assertThat(evaluations.isExcluded(ratingOf(upheld))).isTrue();
		assertThat(jdbc.sql("select excluded_by || ' ' || decision_ref from evl_exclusion where evaluation_id = :e")
			.param("e", ratingOf(upheld)).query(String.class).single()).isEqualTo("下级平台 " + peer + " " + appeal.get("appealNo"));
		assertThat(appealIntake.intake(List.of(node(appeal)), peer).get(0).status()).isEqualTo("duplicate");

		String rejected = relayedBadRating();
		appeal.put("projectNo", rejected);
		appeal.put("appealNo", unique("SS"));
		appeal.put("outcome", "REJECTED");
		assertThat(appealIntake.intake(List.of(node(appeal)), peer).get(0).status()).isEqualTo("accepted");
		assertThat(evaluations.isExcluded(ratingOf(rejected))).isFalse();
		assertThat(jdbc.sql("select outcome from rct_remote_appeal where appeal_no = :n").param("n", appeal.get("appealNo"))
			.query(String.class).single()).isEqualTo("REJECTED");
	}

	@Test
	void the_same_appeal_number_about_two_ratings_is_two_decisions_not_a_duplicate() {
		// a city relays its own decisions and its counties' under one app id: their numbers come from different databases
		String appealNo = unique("17");
		String first = relayedBadRating();
		String second = relayedBadRating();
		for (String projectNo : List.of(first, second)) {
			Map<String, Object> appeal = Map.of("projectNo", projectNo, "serviceNumber", 1, "appealNo", appealNo,
					"outcome", "MALICIOUS", "reason", "恶意差评", "decisionTime", "2026-11-05 10:00:00");
			assertThat(appealIntake.intake(List.of(node(appeal)), peer).get(0).status()).isEqualTo("accepted");
			assertThat(evaluations.isExcluded(ratingOf(projectNo))).isTrue();
			assertThat(appealIntake.intake(List.of(node(appeal)), peer).get(0).status()).isEqualTo("duplicate");
		}
		assertThat(jdbc.sql("select count(*) from rct_remote_appeal where appeal_no = :n").param("n", appealNo)
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void a_relayed_default_rating_stays_a_default_rating() {
		String projectNo = unique("P");
		assertThat(admin.post("/api/exchange/v1/services", serviceRecord("980101", projectNo, 1)).status()).isEqualTo(201);
		Map<String, Object> record = evaluationRecord(projectNo, 4, "");
		record.remove("pf");
		record.put("isDefault", true);
		List<RecordResult> results = evaluationIntake.intake(List.of(node(record)), peer);
		assertThat(results.get(0).status()).as(results.toString()).isEqualTo("accepted");
		Map<String, Object> stored = jdbc.sql("select is_default, channel, source, relayed_from, rater_cert_enc"
				+ " from evl_evaluation where case_no = :c").param("c", projectNo).query().singleRow();
		assertThat(stored.get("is_default")).isEqualTo(true);
		assertThat(stored.get("channel")).isEqualTo("DEFAULT");
		assertThat(stored.get("source")).isEqualTo("DEFAULT");
		assertThat(stored.get("relayed_from")).isEqualTo(peer);
		assertThat(stored.get("rater_cert_enc")).isNull();
		assertThat(admin.get("/api/exchange/v1/evaluations?projectNo=" + projectNo).json().path("evaluations").get(0)
			.path("isDefault").asBoolean()).isTrue();
		Http.Reply verified = admin.get("/api/v1/admin/integrity/verify");
		assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
		assertThat(verified.json().path("intact").asBoolean()).as("the relayed row's hash: " + verified.text()).isTrue();
	}

	@Test
	void a_local_exchange_rating_still_opens_an_order_handled_here() {
		String projectNo = unique("P");
		assertThat(admin.post("/api/exchange/v1/services", serviceRecord("980101", projectNo, 1)).status()).isEqualTo(201);
		assertThat(evaluationIntake.intake(List.of(node(evaluationRecord(projectNo, 1, "111")))).get(0).status())
			.isEqualTo("accepted");
		long id = orderOf(projectNo);
		assertThat(order(id).get("remote_peer")).isNull();
		People.Person hotline = new People(port).hotline(hall().region());
		int version = hotline.api().get("/api/v1/work-orders/" + id).json().path("version").asInt();
		Http.Reply dispatched = hotline.api().post("/api/v1/work-orders/" + id + "/dispatch", Map.of("version", version));
		assertThat(dispatched.status()).as(dispatched.toString()).isEqualTo(200);
		assertThat(order(id).get("deadline")).isNotNull();
		assertThat(send(step(projectNo, 1, "VERIFIED", "verify"))).isEqualTo("rejected:NOT_RELAYED");
	}

	@Test
	void the_ledger_and_the_order_page_show_the_lower_platform_and_no_forms() {
		jdbc.sql("""
				insert into xch_peer (app_id, name, direction, region_code, public_key, secret_enc, sign_mode, created_at,
				  created_by, updated_at, updated_by)
				values (:id, '测试县平台', 'LOWER', '980101000000', :key, :secret, 'SM2_SIGN', now(), 'test', now(), 'test')""")
			.param("id", peer).param("key", Sm2.generate().publicKey()).param("secret", personalData.encrypt("secret-of-the-test"))
			.update();
		String projectNo = relayedBadRating();
		long id = orderOf(projectNo);
		assertThat(send(step(projectNo, 1, "DISPATCHED", "dispatch"))).isEqualTo("accepted:OK");
		People.Session office = new People(port).with(Role.OFFICE, Role.HOTLINE, Role.DEPARTMENT)
			.region(hall().region()).department(hall().department()).create().signIn();
		// the ledger is ordered by deadline and a remote order has none: it is on the last pages of a busy department
		String ledger = "";
		for (int page = 0; page < 100 && !ledger.contains("id=\"ledger-remote-" + id + "\""); page++) {
			ledger = office.get("/app/orders/ledger?state=DISPATCHED&department=" + hall().department() + "&page=" + page)
				.text();
		}
		assertThat(ledger).contains("id=\"ledger-remote-" + id + "\"").contains("下级平台办理：测试县平台");
		String page = office.get("/app/orders/" + id).text();
		assertThat(page).contains("id=\"order-remote\"").contains("下级平台办理：测试县平台").doesNotContain("id=\"form-");
		assertThat(office.get("/app/orders?queue=department").text()).doesNotContain("/app/orders/" + id + "\"");
		assertThat(office.post("/app/orders/" + id + "/verify", Map.of("version", "1", "contacted", "评价人",
				"contactMethod", "电话", "findings", "属实")).status()).isEqualTo(409);
	}

	private static long count(JsonNode body, String metric) {
		for (JsonNode f : body.path("figures")) {
			if (f.path("metric").asString().equals(metric)) {
				return f.has("value") ? f.path("value").asLong() : f.path("numerator").asLong();
			}
		}
		throw new AssertionError("no figure " + metric + " in " + body);
	}
}
