package org.hcp.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hcp.catalog.ChannelFamily;
import org.hcp.evaluation.EvaluatorTokenIssued;
import org.hcp.evaluation.RatingDoors;
import org.hcp.support.Http;
import org.hcp.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The hall evaluator 评价器 (pf 4) over HTTP: devices registered with a secret, tokens queued for them at issue, the
 * tablet's next service, ratings re-sent with one idempotency key stored once, and the devices' region scope.
 */
class EvaluatorDeviceIT extends EvaluatorFixtures {

	private static final String REGION_A = "980102000000";

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	RatingDoors doors;

	@Test
	void registering_a_device_returns_its_secret_once_and_stores_only_a_hash_of_it() {
		Device device = registered();
		assertThat(device.secret()).hasSizeGreaterThanOrEqualTo(32);
		assertThat(device.setupUrl()).isEqualTo("/evaluator/" + device.id() + "?key=" + device.secret());
		byte[] stored = jdbc.sql("select secret_hash from door_device where device_id = :d").param("d", device.id())
			.query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(device.secret());
		Http.Reply list = admin.get("/api/v1/evaluator-devices");
		assertThat(list.text()).contains(device.id()).doesNotContain(device.secret());
		Http.Reply twice = admin.post("/api/v1/evaluator-devices", Map.of("deviceId", device.id(), "windowCode",
				hall().window()));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().path("code").asString()).isEqualTo("DEVICE_EXISTS");
	}

	@Test
	void a_device_id_or_window_that_breaks_the_rules_is_refused_with_its_field() {
		Http.Reply badId = admin.post("/api/v1/evaluator-devices", Map.of("deviceId", "评价器 1", "windowCode", hall().window()));
		assertThat(badId.status()).isEqualTo(422);
		assertThat(badId.errorFields()).containsExactly("deviceId");
		Http.Reply noWindow = admin.post("/api/v1/evaluator-devices", Map.of("deviceId", unique("EVAL-"), "windowCode", "NOPE"));
		assertThat(noWindow.status()).isEqualTo(422);
		assertThat(noWindow.errorFields()).containsExactly("windowCode");
	}

	@Test
	void without_the_device_secret_the_tablet_endpoints_answer_401() {
		Device device = registered();
		String token = issued(completedCase(), device.id());
		String next = "/evaluator/" + device.id() + "/next";
		assertThat(tablet("GET", next, null, null, null).status()).isEqualTo(401);
		assertThat(tablet("GET", next, "wrong-secret", null, null).status()).isEqualTo(401);
		assertThat(tablet("GET", "/evaluator/" + unique("NOPE-") + "/next", device.secret(), null, null).status())
			.isEqualTo(401);
		Http.Reply stranger = tablet("POST", "/evaluator/" + device.id() + "/ratings", "guess", "k1",
				Map.of("token", token, "level", 5));
		assertThat(stranger.status()).isEqualTo(401);
		assertThat(stranger.json().path("code").asString()).isEqualTo("DEVICE_NOT_REGISTERED");
		assertThat(stranger.text()).doesNotContain(token);
		assertThat(queueState(device, token)).isEqualTo("WAITING");
		// the page itself opens for anyone and holds nothing of the queue
		Http.Reply page = anonymous.get("/evaluator/" + device.id());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).doesNotContain(token).doesNotContain(device.secret());
	}

	@Test
	void a_new_key_stops_the_old_one_and_a_deactivated_device_opens_nothing() {
		Device device = registered();
		assertThat(next(device).status()).isEqualTo(204);
		Http.Reply rekeyed = admin.post("/api/v1/evaluator-devices/" + device.id() + "/rekey", null);
		assertThat(rekeyed.status()).isEqualTo(200);
		Device renewed = new Device(device.id(), rekeyed.json().path("secret").asString(), null);
		assertThat(next(device).status()).isEqualTo(401);
		assertThat(next(renewed).status()).isEqualTo(204);

		assertThat(admin.post("/api/v1/evaluator-devices/" + device.id() + "/deactivate", null).status()).isEqualTo(200);
		assertThat(next(renewed).status()).isEqualTo(401);
		String token = issued(completedCase(), device.id());
		assertThat(queueState(device, token)).as("nothing is queued for a deactivated device").isNull();
	}

	@Test
	void a_token_issued_for_a_registered_device_is_its_next_service_without_the_applicants_data() {
		Device device = registered();
		String caseNo = completedCase();
		String token = issued(caseNo, device.id());
		assertThat(queueState(device, token)).isEqualTo("WAITING");
		Http.Reply next = next(device);
		assertThat(next.status()).as(next.toString()).isEqualTo(200);
		assertThat(next.json().path("token").asString()).isEqualTo(token);
		assertThat(next.json().path("itemName").asString()).isEqualTo("食品经营许可");
		assertThat(next.json().path("windowCode").asString()).isEqualTo(hall().window());
		assertThat(next.json().path("staffNo").asString()).isEqualTo(hall().staffNo());
		assertThat(next.text()).doesNotContain("李四").doesNotContain("110101199003074512").doesNotContain("王五");
	}

	@Test
	void tokens_for_unregistered_devices_or_for_a_service_at_another_window_are_not_queued() {
		String unknown = unique("EVAL-");
		String token = issued(completedCase(), unknown);
		assertThat(jdbc.sql("select count(*) from door_device_queue where token = :t").param("t", token)
			.query(Long.class).single()).isZero();

		Device device = registered();
		events.publishEvent(new EvaluatorTokenIssued(device.id(), "elsewhere-" + unique("T"), completedCase(), 1,
				unique("OTHER-WINDOW"), hall().staffNo(), Instant.now().plusSeconds(600)));
		assertThat(next(device).status()).isEqualTo(204);
	}

	@Test
	void the_oldest_waiting_service_comes_first_and_expired_ones_are_skipped() {
		Device device = registered();
		events.publishEvent(new EvaluatorTokenIssued(device.id(), "expired-" + unique("T"), completedCase(), 1,
				hall().window(), hall().staffNo(), Instant.now().minusSeconds(1)));
		String first = issued(completedCase(), device.id());
		String second = issued(completedCase(), device.id());
		assertThat(next(device).json().path("token").asString()).isEqualTo(first);
		assertThat(rate(device, unique("k"), first, 4, List.of(), null).status()).isEqualTo(201);
		assertThat(next(device).json().path("token").asString()).isEqualTo(second);
	}

	@Test
	void a_rating_marks_the_service_done_and_the_same_key_again_stores_nothing_more() {
		Device device = registered();
		String caseNo = completedCase();
		String token = issued(caseNo, device.id());
		String key = unique("idem-");
		Http.Reply first = rate(device, key, token, 5, List.of(), null);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		Http.Reply again = rate(device, key, token, 5, List.of(), null);
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		assertThat(again.json().path("evaluations")).isEqualTo(first.json().path("evaluations"));
		assertThat(storedRatings(caseNo)).isEqualTo(1);
		assertThat(jdbc.sql("select channel from evl_evaluation where case_no = :c").param("c", caseNo)
			.query(String.class).single()).isEqualTo("HALL_EVALUATOR");
		assertThat(queueState(device, token)).isEqualTo("DONE");
		assertThat(next(device).status()).isEqualTo(204);

		Http.Reply otherKey = rate(device, unique("idem-"), token, 1, List.of(), "再评一次");
		assertThat(otherKey.status()).as("a second rating of the service is refused, not stored").isEqualTo(409);
		assertThat(storedRatings(caseNo)).isEqualTo(1);
	}

	@Test
	void a_tablet_rating_needs_an_idempotency_key_and_a_token_of_its_own_queue() {
		Device device = registered();
		Device other = registered();
		String caseNo = completedCase();
		String token = issued(caseNo, other.id());
		Http.Reply noKey = rate(device, null, token, 5, List.of(), null);
		assertThat(noKey.status()).isEqualTo(422);
		assertThat(noKey.errorFields()).containsExactly("Idempotency-Key");
		Http.Reply notMine = rate(device, unique("k"), token, 5, List.of(), null);
		assertThat(notMine.status()).isEqualTo(422);
		assertThat(notMine.json().path("code").asString()).isEqualTo("NOT_THIS_DEVICE");
		assertThat(storedRatings(caseNo)).isZero();
	}

	@Test
	void a_bad_rating_needs_an_indicator_or_a_comment_and_is_stored_with_its_indicator() {
		Device device = registered();
		String caseNo = completedCase();
		String token = issued(caseNo, device.id());
		Http.Reply bare = rate(device, unique("k"), token, 1, List.of(), null);
		assertThat(bare.status()).as(bare.toString()).isEqualTo(422);
		assertThat(storedRatings(caseNo)).isZero();
		String indicator = doors.badReviewOptions(ChannelFamily.OFFLINE).get(1).get(0).code();
		Http.Reply bad = rate(device, unique("k"), token, 1, List.of(indicator), null);
		assertThat(bad.status()).as(bad.toString()).isEqualTo(201);
		assertThat(jdbc.sql("select indicators from evl_evaluation where case_no = :c").param("c", caseNo)
			.query(String.class).single()).contains(indicator);
	}

	@Test
	void a_service_shown_and_left_unrated_for_the_idle_time_is_dismissed() {
		Device device = registered();
		String token = issued(completedCase(), device.id());
		assertThat(next(device).json().path("token").asString()).isEqualTo(token);
		jdbc.sql("update door_device_queue set shown_at = shown_at - interval '1 hour' where token = :t")
			.param("t", token).update();
		assertThat(next(device).status()).isEqualTo(204);
		assertThat(queueState(device, token)).isEqualTo("DISMISSED");
	}

	@Test
	void an_office_manages_the_devices_of_its_own_region_only() {
		assertThat(admin.post("/api/v1/catalog/regions", Map.of("code", REGION_A, "name", "测试县乙")).status())
			.isIn(201, 409);
		People people = new People(port);
		People.Person officeA = people.office(REGION_A);
		People.Person officeB = people.office(hall().region());
		String id = unique("EVAL-");
		Map<String, String> body = Map.of("deviceId", id, "windowCode", hall().window());
		assertThat(officeA.api().post("/api/v1/evaluator-devices", body).status()).isEqualTo(403);
		Http.Reply registered = officeB.api().post("/api/v1/evaluator-devices", body);
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		assertThat(officeA.api().get("/api/v1/evaluator-devices").text()).doesNotContain(id);
		assertThat(officeB.api().get("/api/v1/evaluator-devices").text()).contains(id);
		assertThat(officeA.api().post("/api/v1/evaluator-devices/" + id + "/rekey", null).status()).isEqualTo(404);
		assertThat(officeA.api().post("/api/v1/evaluator-devices/" + id + "/deactivate", null).status()).isEqualTo(404);
		assertThat(jdbc.sql("select active and rekeyed_at is null from door_device where device_id = :d")
			.param("d", id).query(Boolean.class).single()).isTrue();
		assertThat(people.hotline(hall().region()).api().get("/api/v1/evaluator-devices").status()).isEqualTo(403);
		assertThat(officeB.api().post("/api/v1/evaluator-devices/" + id + "/deactivate", null).status()).isEqualTo(200);
	}

	@Test
	void an_office_registers_a_device_on_the_screen_and_sees_its_set_up_link_once() {
		People.Session office = new People(port).office(hall().region()).signIn();
		String id = unique("EVAL-");
		People.Page page = office.get("/app/devices");
		assertThat(page.status()).isEqualTo(200);
		People.Page registered = office.post("/app/devices", Map.of("deviceId", id, "windowCode", hall().window()));
		assertThat(registered.status()).isEqualTo(200);
		assertThat(registered.text()).contains("id=\"device-setup-link\"").contains("/evaluator/" + id + "?key=");
		assertThat(office.get("/app/devices").text()).contains(id).doesNotContain("?key=");
		People.Page refused = office.post("/app/devices", Map.of("deviceId", id, "windowCode", hall().window()));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text()).contains("id=\"device-problems\"");
	}
}
