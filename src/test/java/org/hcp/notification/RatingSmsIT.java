package org.hcp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rating SMS are sent by notification from events; a send that failed is retried on a schedule, once delivered. */
class RatingSmsIT extends ServiceFixtures {

	@Autowired
	FailingOnceSmsGateway gateway;

	private int invitations(String caseNo) {
		return jdbc.sql("select count(*) from ntf_outbound_sms where reference = :c and purpose = 'INVITATION'")
			.param("c", caseNo).query(Integer.class).single();
	}

	@Test
	void an_invitation_whose_send_failed_is_resubmitted_and_then_delivered_once() {
		var c = aCase().applicantMobile(randomMobile()).completedAfter(5);
		gateway.failOnce(c.caseNo());
		int failuresBefore = gateway.failures.get();
		c.create();
		await().atMost(Duration.ofSeconds(10)).until(() -> gateway.failures.get() > failuresBefore);
		assertThat(invitations(c.caseNo())).as("the first attempt failed and left nothing behind").isZero();
		await().atMost(Duration.ofSeconds(30)).until(() -> invitations(c.caseNo()) == 1);
		assertThat(jdbc.sql("select count(*) from ntf_delivery where reference = :c and purpose = 'INVITATION'")
			.param("c", c.caseNo()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void an_event_delivered_twice_sends_one_sms() {
		var c = aCase().applicantMobile(randomMobile()).completedAfter(5);
		c.create();
		await().atMost(Duration.ofSeconds(10)).until(() -> invitations(c.caseNo()) == 1);
		long caseId = jdbc.sql("select id from cas_case where case_no = :c").param("c", c.caseNo()).query(Long.class)
			.single();
		sms.on(new org.hcp.evaluation.RatingInvitationDue(caseId, c.caseNo(), "again"));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> invitations(c.caseNo()) == 1);
	}

	@Autowired
	RatingSms sms;
}
