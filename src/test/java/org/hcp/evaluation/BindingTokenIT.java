package org.hcp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Evaluator and QR ratings are attributed from a signed, expiring token, never from what the client claims. */
class BindingTokenIT extends ServiceFixtures {

	@Autowired
	BindingTokens tokens;

	@Test
	void a_device_token_binds_the_rating_to_its_case_and_service_whatever_the_client_claims() {
		var bound = aCase().completedAfter(5);
		var other = aCase().completedAfter(5);
		bound.create();
		other.create();
		String token = admin.post("/api/v1/binding-tokens", Map.of("kind", "DEVICE", "caseNo", bound.caseNo(),
				"deviceId", "EVAL-01")).json().path("token").asString();
		Http.Reply reply = anonymous.post("/api/v1/evaluations/bound", Map.of("token", token, "caseNo", other.caseNo(),
				"level", 5));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		JsonNode stored = reply.json().path("evaluations").get(0);
		assertThat(stored.path("caseNo").asString()).isEqualTo(bound.caseNo());
		assertThat(stored.path("channel").asString()).isEqualTo("HALL_EVALUATOR");
		assertThat(stored.path("staffNo").asString()).isEqualTo(hall().staffNo());
		assertThat(storedRatings(other.caseNo())).isZero();
	}

	private String qrToken(String window, String staffNo) {
		return admin.post("/api/v1/binding-tokens", Map.of("kind", "QR", "windowCode", window, "staffNo", staffNo)).json()
			.path("token").asString();
	}

	@Test
	void a_qr_token_attributes_the_rating_to_its_window_and_staff_member() {
		String applicant = randomMobile();
		var c = aCase().applicantMobile(applicant).completedAfter(5);
		c.create();
		String token = qrToken(hall().window(), hall().staffNo());
		Http.Reply reply = anonymous.post("/api/v1/evaluations/bound", Map.of("token", token, "caseNo", c.caseNo(),
				"level", 4, "rater", Map.of("mobile", applicant), "oneTimeCode", smsCode(applicant, c.caseNo())));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		JsonNode stored = reply.json().path("evaluations").get(0);
		assertThat(stored.path("channel").asString()).isEqualTo("QR_CODE");
		assertThat(stored.path("windowCode").asString()).isEqualTo(hall().window());
		assertThat(stored.path("staffNo").asString()).isEqualTo(hall().staffNo());
	}

	@Test
	void a_qr_token_refuses_a_case_not_served_at_its_window() {
		String otherWindow = newWindow(hall().institution());
		String otherStaff = unique("STF");
		assertThat(admin.post("/api/v1/catalog/staff", Map.of("staffNo", otherStaff, "name", "孙七", "mobile",
				randomMobile(), "institutionCode", hall().institution(), "windowCode", otherWindow)).status()).isEqualTo(201);
		String applicant = randomMobile();
		var c = aCase().applicantMobile(applicant).completedAfter(5);
		c.create();
		Http.Reply reply = anonymous.post("/api/v1/evaluations/bound", Map.of("token", qrToken(otherWindow, otherStaff),
				"caseNo", c.caseNo(), "level", 5, "rater", Map.of("mobile", applicant), "oneTimeCode",
				smsCode(applicant, c.caseNo())));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().path("code").asString()).isEqualTo("QR_RATING_REFUSED");
		assertThat(storedRatings(c.caseNo())).isZero();
	}

	@Test
	void a_qr_rating_by_someone_other_than_the_applicant_is_refused() {
		var c = aCase().completedAfter(5);
		c.create();
		String token = qrToken(hall().window(), hall().staffNo());
		Http.Reply stranger = anonymous.post("/api/v1/evaluations/bound", Map.of("token", token, "caseNo", c.caseNo(),
				"level", 1, "comment", "恶意差评", "rater", Map.of("certType", "111", "certNo", "110101199003070000")));
		assertThat(stranger.status()).isEqualTo(422);
		assertThat(stranger.json().path("code").asString()).isEqualTo("QR_RATING_REFUSED");
		assertThat(anonymous.post("/api/v1/evaluations/bound", Map.of("token", token, "caseNo", c.caseNo(), "level", 1,
				"comment", "恶意差评")).status()).isEqualTo(422);
		assertThat(storedRatings(c.caseNo())).isZero();
	}

	@Test
	void a_qr_token_is_issued_only_for_a_staff_member_at_their_own_window() {
		String otherWindow = newWindow(hall().institution());
		Http.Reply reply = admin.post("/api/v1/binding-tokens", Map.of("kind", "QR", "windowCode", otherWindow,
				"staffNo", hall().staffNo()));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
		assertThat(reply.json().path("code").asString()).isEqualTo("STAFF_NOT_AT_WINDOW");
		assertThat(reply.errorFields()).containsExactly("staffNo");
		assertThat(admin.post("/api/v1/binding-tokens", Map.of("kind", "QR", "windowCode", hall().window(), "staffNo",
				hall().staffNo())).status()).isEqualTo(201);
	}

	@Test
	void a_qr_rating_of_a_case_the_staff_member_served_at_another_window_is_refused() {
		String otherWindow = newWindow(hall().institution());
		String applicant = randomMobile();
		String caseNo = caseServedAt(otherWindow, applicant);
		Http.Reply reply = anonymous.post("/api/v1/evaluations/bound", Map.of("token",
				qrToken(hall().window(), hall().staffNo()), "caseNo", caseNo, "level", 5, "rater",
				Map.of("mobile", applicant), "oneTimeCode", smsCode(applicant, caseNo)));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
		assertThat(reply.json().path("code").asString()).isEqualTo("QR_RATING_REFUSED");
		assertThat(storedRatings(caseNo)).isZero();
	}

	/** A completed case served by the hall's staff member at {@code window} (not the hall's own window). */
	private String caseServedAt(String window, String applicant) {
		String caseNo = unique("CASE");
		java.time.OffsetDateTime at = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusHours(2).withNano(0);
		Http.Reply created = admin.post("/api/v1/cases", Map.of("caseNo", caseNo, "itemCode", hall().item(),
				"departmentCode", hall().department(), "regionCode", hall().region(), "caseType", "ON_THE_SPOT",
				"applyChannel", "WINDOW", "applicant", Map.of("type", 1, "name", "李四", "mobile", applicant),
				"acceptedAt", at.toString(), "completedAt", at.plusMinutes(5).toString(), "services",
				java.util.List.of(Map.of("serviceNo", 1, "name", "受理", "at", at.toString(), "staffNo", hall().staffNo(),
						"windowCode", window))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return caseNo;
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void the_qr_endpoint_refuses_an_unknown_case_a_stranger_and_another_window_alike_and_audits_the_reason(
			CapturedOutput output) {
		String applicant = randomMobile();
		String stranger = randomMobile();
		var mine = aCase().applicantMobile(applicant).completedAfter(5);
		mine.create();
		String elsewhere = caseServedAt(newWindow(hall().institution()), applicant);
		String token = qrToken(hall().window(), hall().staffNo());
		// the stranger proves a mobile of their own (a code for it, asked without naming a case) — not the applicant's
		assertThat(admin.post("/api/v1/cases", strangersCase(stranger)).status()).isEqualTo(201);
		Http.Reply unknown = anonymous.post("/api/v1/evaluations/bound", Map.of("token", token, "caseNo",
				unique("NOCASE"), "level", 5, "rater", Map.of("mobile", applicant), "oneTimeCode", smsCode(applicant, null)));
		Http.Reply notTheApplicant = anonymous.post("/api/v1/evaluations/bound", Map.of("token", token, "caseNo",
				mine.caseNo(), "level", 5, "rater", Map.of("mobile", stranger), "oneTimeCode", smsCode(stranger, null)));
		Http.Reply notServedHere = anonymous.post("/api/v1/evaluations/bound", Map.of("token", token, "caseNo",
				elsewhere, "level", 5, "rater", Map.of("mobile", applicant), "oneTimeCode", nextCode(applicant)));
		assertThat(List.of(unknown.status(), notTheApplicant.status(), notServedHere.status())).containsOnly(422);
		assertThat(unknown.text()).isEqualTo(notTheApplicant.text()).isEqualTo(notServedHere.text());
		assertThat(unknown.json().path("code").asString()).isEqualTo("QR_RATING_REFUSED");
		await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().contains("reason=NOT_SERVED_HERE"));
		assertThat(output.getAll()).contains("reason=UNKNOWN_CASE").contains("reason=NOT_THE_APPLICANT")
			.contains("case=" + mine.caseNo()).contains(stranger.substring(0, 3) + "****" + stranger.substring(7))
			.doesNotContain(stranger).doesNotContain(applicant);
	}

	/** A case of the stranger's own, so that their mobile may get a code. */
	private Map<String, Object> strangersCase(String mobile) {
		java.time.OffsetDateTime at = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusHours(2).withNano(0);
		return Map.of("caseNo", unique("CASE"), "itemCode", hall().item(), "departmentCode", hall().department(),
				"regionCode", hall().region(), "caseType", "ON_THE_SPOT", "applyChannel", "WINDOW", "applicant",
				Map.of("type", 1, "name", "路人", "mobile", mobile), "acceptedAt", at.toString(), "services",
				List.of(Map.of("serviceNo", 1, "name", "受理", "at", at.toString(), "staffNo", hall().staffNo(),
						"windowCode", hall().window())));
	}

	/** A second code for the same mobile: the one-a-minute limit is waited out by moving the last request back. */
	private String nextCode(String mobile) {
		jdbc.sql("update door_one_time_code set created_at = created_at - interval '2 minutes'").update();
		return smsCode(mobile, null);
	}

	@Test
	void a_key_of_another_region_sent_along_with_a_qr_rating_does_not_tell_which_cases_exist() {
		String applicant = randomMobile();
		var mine = aCase().applicantMobile(applicant).completedAfter(5);
		mine.create();
		String token = qrToken(hall().window(), hall().staffNo());
		String elsewhere = admin.post("/api/v1/admin/api-keys", Map.of("name", unique("other-region"), "role",
				"PLATFORM", "regionCode", "980102")).json().path("key").asString();
		Http.Reply existing = anonymous.as(elsewhere).post("/api/v1/evaluations/bound", Map.of("token", token,
				"caseNo", mine.caseNo(), "level", 5, "rater", Map.of("mobile", applicant), "oneTimeCode",
				smsCode(applicant, mine.caseNo())));
		Http.Reply unknown = anonymous.as(elsewhere).post("/api/v1/evaluations/bound", Map.of("token", token,
				"caseNo", unique("NOCASE"), "level", 5, "rater", Map.of("mobile", applicant), "oneTimeCode",
				nextCode(applicant)));
		assertThat(List.of(existing.status(), unknown.status())).containsOnly(422);
		assertThat(existing.text()).isEqualTo(unknown.text());
		assertThat(jdbc.sql("select count(*) from evl_evaluation where case_no = :c").param("c", mine.caseNo())
			.query(Long.class).single()).isZero();
	}

	@Test
	void a_qr_rating_stores_the_api_key_that_issued_the_token_as_its_submitter() {
		String applicant = randomMobile();
		var c = aCase().applicantMobile(applicant).completedAfter(5);
		c.create();
		Http.Reply reply = anonymous.post("/api/v1/evaluations/bound", Map.of("token",
				qrToken(hall().window(), hall().staffNo()), "caseNo", c.caseNo(), "level", 4, "rater",
				Map.of("mobile", applicant), "oneTimeCode", smsCode(applicant, c.caseNo())));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(jdbc.sql("select submitted_by from evl_evaluation where case_no = :c").param("c", c.caseNo())
			.query(Long.class).single()).isEqualTo(adminKeyId());
	}

	private long adminKeyId() {
		return jdbc.sql("select id from sec_api_key where name = :n order by id limit 1").param("n", "bootstrap")
			.query(Long.class).single();
	}

	@Test
	void a_staff_member_cannot_rate_their_own_service_on_the_evaluator() {
		var c = aCase().completedAfter(5);
		c.create();
		String token = admin.post("/api/v1/binding-tokens", Map.of("kind", "DEVICE", "caseNo", c.caseNo())).json()
			.path("token").asString();
		Http.Reply reply = anonymous.post("/api/v1/evaluations/bound", Map.of("token", token, "level", 5, "rater",
				Map.of("mobile", hall().staffMobile())));
		assertThat(reply.json().path("code").asString()).isEqualTo("SELF_RATING");
		assertThat(storedRatings(c.caseNo())).isZero();
	}

	@Test
	void a_token_whose_payload_was_changed_is_refused() {
		var c = aCase().completedAfter(5);
		var target = aCase().completedAfter(5);
		c.create();
		target.create();
		String token = tokens.sign(tokens.device(c.caseNo(), 1, null, null, "EVAL-02"));
		String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
				new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))))
					.replace(c.caseNo(), target.caseNo()).getBytes());
		String forged = forgedPayload + token.substring(token.indexOf('.'));
		Http.Reply reply = anonymous.post("/api/v1/evaluations/bound", Map.of("token", forged, "level", 5));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().path("code").asString()).isEqualTo("BAD_TOKEN");
		assertThat(storedRatings(target.caseNo())).isZero();
	}

	@Test
	void an_expired_token_is_refused() {
		var c = aCase().completedAfter(5);
		c.create();
		String token = tokens.sign(new BindingToken(BindingToken.Kind.DEVICE, c.caseNo(), 1, null, null, "EVAL-03",
				Instant.now().minusSeconds(1), "n"));
		Http.Reply reply = anonymous.post("/api/v1/evaluations/bound", Map.of("token", token, "level", 5));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().path("code").asString()).isEqualTo("TOKEN_EXPIRED");
		assertThat(storedRatings(c.caseNo())).isZero();
	}

	@Test
	void only_an_authenticated_system_may_issue_tokens() {
		assertThat(anonymous.post("/api/v1/binding-tokens", Map.of("kind", "QR")).status()).isEqualTo(401);
		assertThat(admin.post("/api/v1/binding-tokens", Map.of("kind", "QR", "windowCode", "NO-SUCH")).errorFields())
			.containsExactly("windowCode");
	}
}
