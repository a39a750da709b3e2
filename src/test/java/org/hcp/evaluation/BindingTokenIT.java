package org.hcp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
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
				"level", 4, "rater", Map.of("mobile", applicant)));
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
				"caseNo", c.caseNo(), "level", 5, "rater", Map.of("mobile", applicant)));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().path("code").asString()).isEqualTo("NOT_SERVED_HERE");
	}

	@Test
	void a_qr_rating_by_someone_other_than_the_applicant_is_refused() {
		var c = aCase().completedAfter(5);
		c.create();
		String token = qrToken(hall().window(), hall().staffNo());
		Http.Reply stranger = anonymous.post("/api/v1/evaluations/bound", Map.of("token", token, "caseNo", c.caseNo(),
				"level", 1, "comment", "恶意差评", "rater", Map.of("mobile", randomMobile())));
		assertThat(stranger.status()).isEqualTo(403);
		assertThat(stranger.json().path("code").asString()).isEqualTo("NOT_THE_APPLICANT");
		assertThat(anonymous.post("/api/v1/evaluations/bound", Map.of("token", token, "caseNo", c.caseNo(), "level", 1,
				"comment", "恶意差评")).status()).isEqualTo(403);
		assertThat(storedRatings(c.caseNo())).isZero();
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
