package org.hcp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.hcp.privacy.Mobile;
import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The evaluation side of the rating pages: SMS codes prove a mobile, receipt and kiosk tokens, idempotent re-sending,
 * and what a proven applicant may still rate.
 */
class RatingDoorsIT extends ServiceFixtures {

	private static final String BOUND = "/api/v1/evaluations/bound";

	@Autowired
	RatingDoors doors;

	private String token(Map<String, Object> request) {
		Http.Reply issued = admin.post("/api/v1/binding-tokens", request);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		return issued.json().path("token").asString();
	}

	private long smsCount(String mobile) {
		return lastSmsCode(mobile).isPresent() ? 1 : 0;
	}

	// ============================================================================== one-time SMS codes

	@Test
	void a_one_time_code_goes_only_to_a_mobile_registered_as_the_applicant() {
		String applicant = randomMobile();
		var mine = aCase().applicantMobile(applicant).completedAfter(5);
		mine.create();
		var someoneElses = aCase().completedAfter(5);
		someoneElses.create();
		String stranger = randomMobile();

		Http.Reply toStranger = anonymous.post("/api/public/one-time-codes", Map.of("mobile", stranger));
		Http.Reply forAnotherCase = anonymous.post("/api/public/one-time-codes", Map.of("mobile", applicant, "caseNo",
				someoneElses.caseNo()));
		assertThat(List.of(toStranger.status(), forAnotherCase.status())).containsOnly(202);
		assertThat(toStranger.text()).isEqualTo(forAnotherCase.text());
		assertThat(smsCount(stranger)).isZero();
		assertThat(smsCount(applicant)).isZero();

		jdbc.sql("update door_one_time_code set created_at = created_at - interval '2 minutes'").update();
		assertThat(smsCode(applicant, mine.caseNo())).matches("\\d{6}");
	}

	@Test
	void a_qr_rating_proven_by_the_mobile_needs_the_sms_code_sent_to_it() {
		String applicant = randomMobile();
		var c = aCase().applicantMobile(applicant).completedAfter(5);
		c.create();
		String qr = token(Map.of("kind", "QR", "windowCode", hall().window(), "staffNo", hall().staffNo()));
		Http.Reply without = anonymous.post(BOUND, Map.of("token", qr, "caseNo", c.caseNo(), "level", 5, "rater",
				Map.of("mobile", applicant)));
		assertThat(without.status()).isEqualTo(422);
		assertThat(without.json().path("code").asString()).isEqualTo("ONE_TIME_CODE_REQUIRED");
		assertThat(without.errorFields()).containsExactly("oneTimeCode");
		String code = smsCode(applicant, c.caseNo());
		String wrong = code.equals("000000") ? "000001" : "000000";
		Http.Reply guessed = anonymous.post(BOUND, Map.of("token", qr, "caseNo", c.caseNo(), "level", 5, "rater",
				Map.of("mobile", applicant), "oneTimeCode", wrong));
		assertThat(guessed.json().path("code").asString()).isEqualTo("ONE_TIME_CODE_WRONG");
		assertThat(storedRatings(c.caseNo())).isZero();
		assertThat(anonymous.post(BOUND, Map.of("token", qr, "caseNo", c.caseNo(), "level", 5, "rater",
				Map.of("mobile", applicant), "oneTimeCode", code)).status()).isEqualTo(201);
	}

	@Test
	void a_one_time_code_is_good_once() {
		String applicant = randomMobile();
		var first = aCase().applicantMobile(applicant).completedAfter(5);
		var second = aCase().applicantMobile(applicant).completedAfter(5);
		first.create();
		second.create();
		String qr = token(Map.of("kind", "QR", "windowCode", hall().window(), "staffNo", hall().staffNo()));
		String code = smsCode(applicant, null);
		assertThat(anonymous.post(BOUND, Map.of("token", qr, "caseNo", first.caseNo(), "level", 4, "rater",
				Map.of("mobile", applicant), "oneTimeCode", code)).status()).isEqualTo(201);
		Http.Reply again = anonymous.post(BOUND, Map.of("token", qr, "caseNo", second.caseNo(), "level", 4, "rater",
				Map.of("mobile", applicant), "oneTimeCode", code));
		assertThat(again.json().path("code").asString()).isEqualTo("ONE_TIME_CODE_WRONG");
		assertThat(storedRatings(second.caseNo())).isZero();
	}

	@Test
	void a_code_tried_wrongly_five_times_is_void_even_for_the_right_digits() {
		String applicant = randomMobile();
		aCase().applicantMobile(applicant).completedAfter(5).create();
		String code = smsCode(applicant, null);
		Mobile mobile = new Mobile(applicant);
		for (int i = 0; i < 5; i++) {
			assertThat(codes().consume(mobile, String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000))).isFalse();
		}
		assertThat(codes().consume(mobile, code)).isFalse();
	}

	@Autowired
	org.springframework.context.ApplicationContext context;

	private OneTimeCodes codes() {
		return context.getBean(OneTimeCodes.class);
	}

	@Test
	void a_mobile_may_ask_for_one_code_a_minute() {
		String applicant = randomMobile();
		aCase().applicantMobile(applicant).completedAfter(5).create();
		smsCode(applicant, null);
		Http.Reply again = anonymous.post("/api/public/one-time-codes", Map.of("mobile", applicant));
		assertThat(again.status()).isEqualTo(429);
		assertThat(again.json().path("code").asString()).isEqualTo("TOO_MANY_CODES");
		assertThat(again.errorFields()).containsExactly("mobile");
	}

	@Test
	void a_code_request_with_a_malformed_mobile_names_the_field() {
		Http.Reply reply = anonymous.post("/api/public/one-time-codes", Map.of("mobile", "12345"));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("mobile");
	}

	// ============================================================================== receipt and kiosk tokens

	@Test
	void a_receipt_token_rates_its_own_case_whatever_the_body_names_and_only_for_the_applicant() {
		var c = aCase().completedAfter(5);
		var other = aCase().completedAfter(5);
		c.create();
		other.create();
		String receipt = token(Map.of("kind", "CASE", "caseNo", c.caseNo()));
		Http.Reply stranger = anonymous.post(BOUND, Map.of("token", receipt, "level", 5, "rater",
				Map.of("certType", "111", "certNo", "110101199003070000")));
		assertThat(stranger.status()).isEqualTo(422);
		assertThat(stranger.json().path("code").asString()).isEqualTo("QR_RATING_REFUSED");
		Http.Reply applicant = anonymous.post(BOUND, Map.of("token", receipt, "caseNo", other.caseNo(), "level", 5,
				"rater", Map.of("certType", "111", "certNo", "110101199003074512")));
		assertThat(applicant.status()).as(applicant.toString()).isEqualTo(201);
		JsonNode stored = applicant.json().path("evaluations").get(0);
		assertThat(stored.path("caseNo").asString()).isEqualTo(c.caseNo());
		assertThat(stored.path("channel").asString()).isEqualTo("QR_CODE");
		assertThat(storedRatings(other.caseNo())).isZero();
	}

	@Test
	void a_kiosk_token_rating_is_a_kiosk_rating_of_its_bound_service() {
		var c = aCase().completedAfter(5);
		c.create();
		String kiosk = token(Map.of("kind", "KIOSK", "caseNo", c.caseNo(), "deviceId", "KIOSK-01"));
		RatingDoors.Opened opened = doors.open(kiosk);
		assertThat(opened.kind()).isEqualTo("KIOSK");
		assertThat(opened.proofNeeded()).isFalse();
		assertThat(opened.caseNo()).isEqualTo(c.caseNo());
		Http.Reply reply = anonymous.post(BOUND, Map.of("token", kiosk, "level", 5));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(reply.json().path("evaluations").get(0).path("channel").asString()).isEqualTo("KIOSK");
	}

	// ============================================================================== idempotency

	@Test
	void a_rating_resent_with_the_same_idempotency_key_is_stored_once_and_answered_alike() {
		var c = aCase().completedAfter(5);
		c.create();
		String device = token(Map.of("kind", "DEVICE", "caseNo", c.caseNo(), "deviceId", "EVAL-IDEM"));
		Map<String, Object> body = Map.of("token", device, "level", 2, "indicators", List.of(), "comment", "等候时间长");
		Http.Reply first = anonymous.header("Idempotency-Key", "k-1").post(BOUND, body);
		Http.Reply resent = anonymous.header("Idempotency-Key", "k-1").post(BOUND, body);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(resent.status()).as(resent.toString()).isEqualTo(201);
		assertThat(resent.json().path("evaluations").get(0).path("id").asLong())
			.isEqualTo(first.json().path("evaluations").get(0).path("id").asLong());
		assertThat(storedRatings(c.caseNo())).isEqualTo(1);
		Http.Reply withoutKey = anonymous.post(BOUND, body);
		assertThat(withoutKey.status()).isEqualTo(409);
	}

	@Test
	void an_idempotency_key_answers_only_for_the_token_it_came_with() {
		var a = aCase().completedAfter(5);
		var b = aCase().completedAfter(5);
		a.create();
		b.create();
		String tokenA = token(Map.of("kind", "DEVICE", "caseNo", a.caseNo()));
		String tokenB = token(Map.of("kind", "DEVICE", "caseNo", b.caseNo()));
		assertThat(anonymous.header("Idempotency-Key", "shared-key").post(BOUND, Map.of("token", tokenA, "level", 5))
			.status()).isEqualTo(201);
		Http.Reply other = anonymous.header("Idempotency-Key", "shared-key").post(BOUND, Map.of("token", tokenB, "level", 4));
		assertThat(other.status()).isEqualTo(201);
		assertThat(other.json().path("evaluations").get(0).path("caseNo").asString()).isEqualTo(b.caseNo());
		assertThat(storedRatings(b.caseNo())).isEqualTo(1);
	}

	@Test
	void a_malformed_idempotency_key_is_refused_naming_the_header() {
		var c = aCase().completedAfter(5);
		c.create();
		String device = token(Map.of("kind", "DEVICE", "caseNo", c.caseNo()));
		Http.Reply reply = anonymous.header("Idempotency-Key", "not a key!").post(BOUND, Map.of("token", device, "level", 5));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("Idempotency-Key");
		assertThat(storedRatings(c.caseNo())).isZero();
	}

	// ============================================================================== the proven applicant

	@Test
	void the_applicant_may_rate_each_visit_of_a_promised_case_and_an_on_the_spot_case_once_after_completion() {
		String applicant = randomMobile();
		var promised = aCase().promised().applicantMobile(applicant).visit(0).visit(60);
		promised.create();
		var onTheSpot = aCase().applicantMobile(applicant).completedAfter(5);
		onTheSpot.create();
		Mobile mobile = new Mobile(applicant);

		List<RatingDoors.RateableCase> mine = doors.rateable(mobile);
		assertThat(mine).extracting(RatingDoors.RateableCase::caseNo).containsExactly(onTheSpot.caseNo(), promised.caseNo());
		assertThat(mine.get(0).services()).singleElement().satisfies(s -> assertThat(s.rateable()).isTrue());
		assertThat(mine.get(1).services()).extracting(RatingDoors.RateableService::rateable).containsExactly(true, true);

		doors.rateAsApplicant(mobile, Channel.WEB_PORTAL, promised.caseNo(), 1, false,
				new BoundRating(null, 5, List.of(), null, null, null), null);
		List<RatingDoors.RateableCase> after = doors.rateable(mobile);
		assertThat(after.get(1).services()).extracting(RatingDoors.RateableService::rateable).containsExactly(false, true);
		assertThat(after.get(1).services().get(0).ratedStars()).isEqualTo(5);
		assertThat(jdbc.sql("select source from evl_evaluation where case_no = :c").param("c", promised.caseNo())
			.query(String.class).single()).isEqualTo("PAGE");
	}

	@Test
	void rating_as_the_applicant_refuses_a_case_that_is_not_theirs_like_an_unknown_one() {
		var someoneElses = aCase().completedAfter(5);
		someoneElses.create();
		Mobile me = new Mobile(randomMobile());
		BoundRating five = new BoundRating(null, 5, List.of(), null, null, null);
		org.hcp.shared.HcpException notMine = org.junit.jupiter.api.Assertions.assertThrows(
				org.hcp.shared.HcpException.class,
				() -> doors.rateAsApplicant(me, Channel.MOBILE_APP, someoneElses.caseNo(), null, false, five, null));
		org.hcp.shared.HcpException unknown = org.junit.jupiter.api.Assertions.assertThrows(
				org.hcp.shared.HcpException.class,
				() -> doors.rateAsApplicant(me, Channel.MOBILE_APP, unique("NOCASE"), null, false, five, null));
		assertThat(notMine.code()).isEqualTo(unknown.code()).isEqualTo("UNKNOWN_CASE");
		assertThat(storedRatings(someoneElses.caseNo())).isZero();
	}
}
