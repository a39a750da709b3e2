package org.hcp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An SMS invitation goes out when a case completes; a digit reply becomes a rating, anything else does not. */
class SmsRatingIT extends ServiceFixtures {

	@org.springframework.beans.factory.annotation.Autowired
	tools.jackson.databind.json.JsonMapper json;

	@org.springframework.beans.factory.annotation.Autowired
	org.hcp.privacy.PersonalData personal;

	private String invitedCase(String mobile) {
		var c = aCase().applicantMobile(mobile).completedAfter(5);
		c.create();
		await().atMost(Duration.ofSeconds(10)).until(() -> sent(mobile, "INVITATION") > 0);
		return c.caseNo();
	}

	private int sent(String mobile, String purpose) {
		return (int) admin.get("/api/v1/admin/sms/outbound?mobile=" + mobile).json().path("messages")
			.valueStream().filter(m -> m.path("purpose").asString().equals(purpose)).count();
	}

	private Http.Reply reply(String mobile, String text) {
		return admin.post("/api/v1/sms/inbound", Map.of("from", mobile, "text", text));
	}

	@Test
	void a_completed_case_sends_an_invitation_masked_in_the_outbox() {
		String mobile = randomMobile();
		invitedCase(mobile);
		String outbox = admin.get("/api/v1/admin/sms/outbound?mobile=" + mobile).text();
		assertThat(outbox).contains(mobile.substring(0, 3) + "****" + mobile.substring(7)).doesNotContain(mobile);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void the_sms_log_shows_the_mobile_masked(CapturedOutput output) {
		String mobile = randomMobile();
		invitedCase(mobile);
		String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
		await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().contains(masked));
		assertThat(output.getAll()).doesNotContain(mobile);
	}

	@Test
	void an_sms_digit_rates_the_latest_open_invitation() {
		String mobile = randomMobile();
		String caseNo = invitedCase(mobile);
		Http.Reply reply = reply(mobile, " 4 ");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("outcome").asString()).isEqualTo("RATED");
		assertThat(reply.json().path("caseNo").asString()).isEqualTo(caseNo);
		assertThat(reply.json().path("evaluations").get(0).path("channel").asString()).isEqualTo("SMS");
		assertThat(storedRatings(caseNo)).isEqualTo(1);
		assertThat(reply(mobile, "5").json().path("outcome").asString()).as("the invitation is answered")
			.isEqualTo("NO_INVITATION");
		assertThat(storedRatings(caseNo)).isEqualTo(1);
	}

	@Test
	void sms_garbage_gets_a_clear_answer_and_stores_nothing() {
		String mobile = randomMobile();
		String caseNo = invitedCase(mobile);
		Http.Reply reply = reply(mobile, "好的谢谢");
		assertThat(reply.json().path("outcome").asString()).isEqualTo("UNRECOGNISED");
		assertThat(reply.json().path("answer").asString()).contains("请回复一个数字");
		assertThat(storedRatings(caseNo)).isZero();
		await().atMost(Duration.ofSeconds(10)).until(() -> sent(mobile, "REPLY") == 1);
		assertThat(reply(mobile, "6").json().path("outcome").asString()).isEqualTo("UNRECOGNISED");
		assertThat(reply(mobile, "5").json().path("outcome").asString()).as("the invitation stays open").isEqualTo("RATED");
	}

	@Test
	void a_bad_digit_without_a_reason_asks_for_it_and_stores_nothing() {
		String mobile = randomMobile();
		String caseNo = invitedCase(mobile);
		assertThat(reply(mobile, "2").json().path("outcome").asString()).isEqualTo("REASON_REQUIRED");
		assertThat(storedRatings(caseNo)).isZero();
		Http.Reply withReason = reply(mobile, "2 等候时间太长");
		assertThat(withReason.json().path("outcome").asString()).isEqualTo("RATED");
		assertThat(withReason.json().path("evaluations").get(0).path("comment").asString()).isEqualTo("等候时间太长");
	}

	@Test
	void a_full_width_digit_rates_like_an_ascii_one() {
		String mobile = randomMobile();
		String caseNo = invitedCase(mobile);
		Http.Reply reply = reply(mobile, "５");
		assertThat(reply.json().path("outcome").asString()).as(reply.toString()).isEqualTo("RATED");
		assertThat(reply.json().path("evaluations").get(0).path("level").asInt()).isEqualTo(5);
		assertThat(storedRatings(caseNo)).isEqualTo(1);
	}

	@Test
	void a_full_width_bad_digit_with_a_full_width_space_and_reason_rates_with_that_reason() {
		String mobile = randomMobile();
		invitedCase(mobile);
		Http.Reply reply = reply(mobile, "２　等候时间长");
		assertThat(reply.json().path("outcome").asString()).as(reply.toString()).isEqualTo("RATED");
		assertThat(reply.json().path("evaluations").get(0).path("level").asInt()).isEqualTo(2);
		assertThat(reply.json().path("evaluations").get(0).path("comment").asString()).isEqualTo("等候时间长");
	}

	@Test
	void every_reply_gets_its_answer_sms_from_notification() {
		String mobile = randomMobile();
		invitedCase(mobile);
		reply(mobile, "好的");
		reply(mobile, "4");
		await().atMost(Duration.ofSeconds(10)).until(() -> sent(mobile, "REPLY") == 2);
		String stored = json.writeValueAsString(new SmsReplyDue(java.util.UUID.randomUUID(), personal.encrypt(mobile),
				null, "text"));
		assertThat(stored).as("the event as the publication registry stores it").doesNotContain(mobile);
	}

	@Test
	void a_reply_from_a_number_without_an_open_invitation_stores_nothing() {
		Http.Reply reply = reply(randomMobile(), "5");
		assertThat(reply.json().path("outcome").asString()).isEqualTo("NO_INVITATION");
	}

	@Test
	void the_inbound_endpoint_needs_the_gateway_key_and_a_valid_number() {
		assertThat(anonymous.post("/api/v1/sms/inbound", Map.of("from", randomMobile(), "text", "5")).status())
			.isEqualTo(401);
		assertThat(reply("12345", "5").errorFields()).containsExactly("from");
	}
}
