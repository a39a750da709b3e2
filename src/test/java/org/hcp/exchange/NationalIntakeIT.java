package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hcp.support.Http;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The national interface, receiving side (domain §11, ADR 0031): one test per rule of the envelope. */
class NationalIntakeIT extends NationalFixtures {

	private Map<String, Object> service(String projectNo) {
		return serviceRecord("980101", projectNo, 1);
	}

	@Test
	void a_vendor_signed_envelope_is_stored_record_by_record() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_ENCRYPT);
		String projectNo = unique("P");
		Http.Reply reply = push(envelope(lower, Map.of(RecordKind.EVALUATE, List.of(evaluationRecord(projectNo, 5, "")),
				RecordKind.SERVICE, List.of(service(projectNo)))));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().path("C-API-Status").asString()).isEqualTo("00");
		JsonNode body = reply.json().path("C-Response-Body");
		assertThat(body.path("accepted").asInt()).isEqualTo(2);
		// the service list is processed first, whatever the order of params: the evaluation finds its service
		assertThat(body.path("results").findValuesAsString("list")).containsExactly("service", "evaluate");
		assertThat(body.path("results").get(1).path("projectNo").asString()).isEqualTo(projectNo);
		assertThat(storedCases(projectNo)).isEqualTo(1);
		assertThat(storedRatings(projectNo)).isEqualTo(1);
	}

	@Test
	void a_proper_sm2_signature_is_accepted_from_a_peer_that_signs() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_SIGN);
		String projectNo = unique("P");
		Http.Reply reply = push(envelope(lower, Map.of(RecordKind.SERVICE, List.of(service(projectNo)))));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().path("C-Response-Body").path("accepted").asInt()).isEqualTo(1);
		assertThat(storedCases(projectNo)).isEqualTo(1);
	}

	@Test
	void an_sm2_signature_binds_the_records_a_changed_record_is_refused_as_bad_sign() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_SIGN);
		String projectNo = unique("P");
		ObjectNode envelope = envelope(lower, Map.of(RecordKind.SERVICE, List.of(service(projectNo))));
		((ArrayNode) envelope.path("txnBodyCom").path("params").path("service")).set(0,
				Sm2.encrypt(ourPublicKey(), JSON.writeValueAsString(service(unique("P")))));
		Http.Reply reply = push(envelope);
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().path("code").asString()).isEqualTo("BAD_SIGN");
	}

	@Test
	void a_wrong_secret_is_refused_as_bad_sign_and_nothing_is_stored() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_ENCRYPT);
		LowerPlatform forged = new LowerPlatform(lower.appId(), "not-the-secret", lower.keys(), lower.mode());
		String projectNo = unique("P");
		Http.Reply reply = push(envelope(forged, Map.of(RecordKind.SERVICE, List.of(service(projectNo)))));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().path("code").asString()).isEqualTo("BAD_SIGN");
		assertThat(reply.json().path("C-API-Status").asString()).isEqualTo("12");
		assertThat(reply.json().path("C-Response-Desc").asString()).isNotBlank();
		assertThat(storedCases(projectNo)).isZero();
	}

	@Test
	void a_request_outside_the_time_window_is_refused_either_way_and_one_just_inside_is_taken() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_ENCRYPT);
		Duration window = Duration.ofMinutes(5);
		String late = unique("P");
		String early = unique("P");
		String inside = unique("P");
		Http.Reply old = push(envelope(lower, Instant.now().minus(window).minusSeconds(2),
				Map.of(RecordKind.SERVICE, List.of(service(late)))));
		Http.Reply future = push(envelope(lower, Instant.now().plus(window).plusSeconds(2),
				Map.of(RecordKind.SERVICE, List.of(service(early)))));
		Http.Reply justInside = push(envelope(lower, Instant.now().minus(window).plusSeconds(5),
				Map.of(RecordKind.SERVICE, List.of(service(inside)))));
		assertThat(old.status()).isEqualTo(401);
		assertThat(old.json().path("code").asString()).isEqualTo("STALE_TIME");
		assertThat(future.status()).isEqualTo(401);
		assertThat(future.json().path("code").asString()).isEqualTo("STALE_TIME");
		assertThat(justInside.status()).as(justInside.toString()).isEqualTo(200);
		assertThat(storedCases(late) + storedCases(early)).isZero();
		assertThat(storedCases(inside)).isEqualTo(1);
	}

	@Test
	void a_replayed_request_is_refused_and_nothing_is_stored_twice() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_ENCRYPT);
		String projectNo = unique("P");
		ObjectNode envelope = envelope(lower, Map.of(RecordKind.SERVICE, List.of(service(projectNo)),
				RecordKind.EVALUATE, List.of(evaluationRecord(projectNo, 4, ""))));
		assertThat(push(envelope).status()).isEqualTo(200);
		Http.Reply again = push(envelope);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("code").asString()).isEqualTo("REPLAYED");
		assertThat(again.json().path("C-API-Status").asString()).isEqualTo("14");
		assertThat(storedCases(projectNo)).isEqualTo(1);
		assertThat(storedRatings(projectNo)).isEqualTo(1);
	}

	@Test
	void an_unknown_app_is_refused() {
		LowerPlatform stranger = new LowerPlatform(unique("NOBODY"), "some-secret", Sm2.generate(), SignMode.SM2_ENCRYPT);
		String projectNo = unique("P");
		Http.Reply reply = push(envelope(stranger, Map.of(RecordKind.SERVICE, List.of(service(projectNo)))));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().path("code").asString()).isEqualTo("UNKNOWN_APP");
		assertThat(reply.json().path("C-API-Status").asString()).isEqualTo("11");
		assertThat(storedCases(projectNo)).isZero();
	}

	@Test
	void a_disabled_peer_is_refused_like_an_unknown_one() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_ENCRYPT);
		Map<String, Object> body = peerBody(lower.appId(), "LOWER", lower.keys().publicKey(), null, "SM2_ENCRYPT", null);
		body.put("enabled", false);
		assertThat(admin.put("/api/v1/admin/exchange/peers/" + lower.appId(), body).status()).isEqualTo(200);
		String projectNo = unique("P");
		Http.Reply reply = push(envelope(lower, Map.of(RecordKind.SERVICE, List.of(service(projectNo)))));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().path("code").asString()).isEqualTo("UNKNOWN_APP");
		assertThat(storedCases(projectNo)).isZero();
	}

	@Test
	void an_upper_platform_may_not_push_to_us() {
		LowerPlatform upper = new LowerPlatform(unique("UP"), unique("secret-"), Sm2.generate(), SignMode.SM2_ENCRYPT);
		Map<String, Object> body = peerBody(upper.appId(), "UPPER", upper.keys().publicKey(), upper.secret(),
				"SM2_ENCRYPT", "https://city.example/api/exchange/v1/national");
		body.put("enabled", false);
		assertThat(admin.post("/api/v1/admin/exchange/peers", body).status()).isEqualTo(201);
		Http.Reply reply = push(envelope(upper, Map.of(RecordKind.SERVICE, List.of(service(unique("P"))))));
		assertThat(reply.json().path("code").asString()).isEqualTo("UNKNOWN_APP");
	}

	@Test
	void a_record_encrypted_for_another_key_is_undecryptable_while_the_rest_of_the_batch_is_stored() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_ENCRYPT);
		String stored = unique("P");
		String lost = unique("P");
		ObjectNode envelope = envelope(lower, Map.of(RecordKind.SERVICE, List.of(service(stored), service(lost))));
		((ArrayNode) envelope.path("txnBodyCom").path("params").path("service")).set(1,
				Sm2.encrypt(Sm2.generate().publicKey(), JSON.writeValueAsString(service(lost))));
		Http.Reply reply = push(envelope);
		assertThat(reply.status()).isEqualTo(200);
		JsonNode results = reply.json().path("C-Response-Body").path("results");
		assertThat(results.findValuesAsString("status")).containsExactly("accepted", "rejected");
		assertThat(results.get(1).path("code").asString()).isEqualTo("UNDECRYPTABLE");
		assertThat(results.get(1).path("index").asInt()).isEqualTo(1);
		assertThat(storedCases(stored)).isEqualTo(1);
		assertThat(storedCases(lost)).isZero();
	}

	@Test
	void a_mixed_batch_is_answered_record_by_record() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_ENCRYPT);
		String a = unique("P");
		String known = unique("P");
		assertThat(admin.post("/api/exchange/v1/services", service(known)).status()).isEqualTo(201);
		Map<String, Object> badDate = service(unique("P"));
		badDate.put("acceptDate", "2026/11/02");
		String outside = unique("P");
		Map<String, Object> elsewhere = serviceRecord("980199", outside, 1);
		Http.Reply reply = push(envelope(lower, Map.of(
				RecordKind.SERVICE, List.of(service(a), service(known), badDate, elsewhere, "not json {"),
				RecordKind.EVALUATE, List.of(evaluationRecord(a, 5, ""), evaluationRecord(a, 1, "111")))));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		JsonNode body = reply.json().path("C-Response-Body");
		JsonNode results = body.path("results");
		assertThat(results.findValuesAsString("status"))
			.containsExactly("accepted", "duplicate", "rejected", "rejected", "rejected", "accepted", "duplicate");
		assertThat(results.get(2).path("field").asString()).isEqualTo("acceptDate");
		assertThat(results.get(3).path("code").asString()).isEqualTo("OUT_OF_SCOPE");
		assertThat(results.get(4).path("code").asString()).isEqualTo("BAD_RECORD");
		assertThat(results.get(5).path("list").asString()).isEqualTo("evaluate");
		assertThat(results.get(5).path("index").asInt()).isZero();
		assertThat(body.path("accepted").asInt()).isEqualTo(2);
		assertThat(body.path("duplicate").asInt()).isEqualTo(2);
		assertThat(body.path("rejected").asInt()).isEqualTo(3);
		assertThat(storedCases(outside)).isZero();
	}

	@Test
	void a_malformed_envelope_is_refused_naming_the_field() {
		Http.Reply reply = anonymous.post("/api/exchange/v1/national",
				Map.of("txnBodyCom", Map.of("appMark", "x", "time", "20260101000000", "sign", "00"), "txnCommCom", Map.of()));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("code").asString()).isEqualTo("BAD_ENVELOPE");
		assertThat(reply.json().path("C-API-Status").asString()).isEqualTo("10");
		assertThat(reply.errorFields()).containsExactly("params");
	}

	@Test
	void an_envelope_posted_to_the_plain_evaluations_endpoint_is_handled_like_the_national_one() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_ENCRYPT);
		String projectNo = unique("P");
		assertThat(admin.post("/api/exchange/v1/services", service(projectNo)).status()).isEqualTo(201);
		Http.Reply reply = admin.post("/api/exchange/v1/evaluations",
				envelope(lower, Map.of(RecordKind.EVALUATE, List.of(evaluationRecord(projectNo, 5, "")))));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().path("C-Response-Body").path("results").get(0).path("status").asString())
			.isEqualTo("accepted");
		assertThat(storedRatings(projectNo)).isEqualTo(1);
	}

	@Test
	void seen_signatures_are_forgotten_after_twice_the_window() {
		String appId = unique("SEEN");
		jdbc.sql("insert into xch_seen_request (app_id, sign_digest, seen_at) values (:a, :d, now() - interval '11 minutes')")
			.param("a", appId).param("d", new byte[] { 1, 2, 3 }).update();
		jdbc.sql("insert into xch_seen_request (app_id, sign_digest, seen_at) values (:a, :d, now() - interval '9 minutes')")
			.param("a", appId).param("d", new byte[] { 4, 5, 6 }).update();
		assertThat(admin.post("/api/v1/admin/jobs/exchange-seen-requests/run", null).status()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from xch_seen_request where app_id = :a").param("a", appId)
			.query(Integer.class).single()).isEqualTo(1);
	}
}
