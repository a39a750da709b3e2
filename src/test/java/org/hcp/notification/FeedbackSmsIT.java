package org.hcp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hcp.rectification.RaterReplied;
import org.hcp.rectification.WorkOrderOpened;
import org.hcp.rectification.WorkOrderSource;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The answer to a rater goes out by SMS once; a send that fails is recorded, shown to the office and retried. */
@ExtendWith(OutputCaptureExtension.class)
class FeedbackSmsIT extends NoticeFixtures {

	@Autowired
	FailingOnceSmsGateway gateway;

	@Autowired
	FeedbackSms feedback;

	record Reply(long orderId, String orderNo, String mobile, RaterReplied event) {
	}

	/** A case of the test hall with a rater's mobile, its order opened in the hall's county, and the reply to it. */
	private Reply aReply() {
		String mobile = randomMobile();
		var c = aCase().applicantMobile(mobile).completedAfter(5);
		c.create();
		long caseId = jdbc.sql("select id from cas_case where case_no = :c").param("c", c.caseNo()).query(Long.class)
			.single();
		long orderId = newOrderId();
		String orderNo = "GD" + orderId;
		publish(new WorkOrderOpened(orderId, orderNo, WorkOrderSource.BAD_REVIEW, hall().region(), hall().department(),
				hall().staffNo(), Instant.now()));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from ntf_order where order_id = :o")
			.param("o", orderId).query(Long.class).single() == 1);
		var event = new RaterReplied(orderId, orderNo, List.of(caseId), "REPLY:" + UUID.randomUUID(),
				"已为您加开周六窗口。", "/r/" + UUID.randomUUID(), Instant.now());
		return new Reply(orderId, orderNo, mobile, event);
	}

	private long sent(String orderNo) {
		return jdbc.sql("select count(*) from ntf_outbound_sms where reference = :r and purpose = 'FEEDBACK'")
			.param("r", orderNo).query(Long.class).single();
	}

	private List<FailedSend> failedSendsAs(org.hcp.security.Caller caller, String orderNo) {
		return as(caller, () -> notices.failedSends(null, 200)).stream().filter(f -> orderNo.equals(f.reference()))
			.toList();
	}

	@Test
	void a_reply_sends_one_sms_with_the_link_and_a_redelivered_event_sends_none() {
		Reply reply = aReply();
		publish(reply.event());
		await().atMost(Duration.ofSeconds(10)).until(() -> sent(reply.orderNo()) == 1);
		String text = jdbc.sql("select text from ntf_outbound_sms where reference = :r and purpose = 'FEEDBACK'")
			.param("r", reply.orderNo()).query(String.class).single();
		assertThat(text).contains("已为您加开周六窗口。").contains(reply.event().statusLink());
		assertThat(jdbc.sql("select mobile_masked from ntf_outbound_sms where reference = :r")
			.param("r", reply.orderNo()).query(String.class).single())
			.isEqualTo(reply.mobile().substring(0, 3) + "****" + reply.mobile().substring(7));

		publish(reply.event());
		feedback.on(reply.event());
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> sent(reply.orderNo()) == 1);
		assertThat(jdbc.sql("select count(*) from ntf_delivery where delivery_key = :k")
			.param("k", reply.event().deliveryKey()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void a_failed_send_is_recorded_visible_to_the_office_of_the_region_only_and_retried(CapturedOutput log) {
		Reply reply = aReply();
		gateway.failUntilReleased(reply.orderNo());
		publish(reply.event());
		await().atMost(Duration.ofSeconds(10)).until(() -> !failedSendsAs(office(hall().region()), reply.orderNo()).isEmpty());
		assertThat(sent(reply.orderNo())).as("nothing sent while the carrier refuses").isZero();

		FailedSend failed = failedSendsAs(office(hall().region()), reply.orderNo()).get(0);
		assertThat(failed.state()).isEqualTo(FailedSend.State.UNSENT);
		assertThat(failed.purpose()).isEqualTo("FEEDBACK");
		assertThat(failed.regionCode()).isEqualTo(hall().region());
		assertThat(failed.to()).isEqualTo(reply.mobile().substring(0, 3) + "****" + reply.mobile().substring(7));
		assertThat(failed.error()).as("the carrier's error, its mobile masked").contains("carrier refused")
			.doesNotContain(reply.mobile());
		assertThat(jdbc.sql("select count(*) from ntf_send_failure where error like :m or mobile_masked like :m")
			.param("m", "%" + reply.mobile() + "%").query(Long.class).single()).as("no plain mobile stored").isZero();

		assertThat(failedSendsAs(office(hall().region().substring(0, 4) + "02000000"), reply.orderNo()))
			.as("an office of another county").isEmpty();
		assertThat(failedSendsAs(office(hall().region().substring(0, 4) + "00000000"), reply.orderNo()))
			.as("the office of the city above").hasSize(1);
		assertThat(failedSendsAs(person(java.util.Set.of(Role.ADMIN), null, null, null), reply.orderNo())).hasSize(1);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> failedSendsAs(departmentHandler(hall().department(), hall().region()), reply.orderNo()))
			.as("a department is not the office").isInstanceOfSatisfying(HcpException.class,
					e -> assertThat(e.status().value()).isEqualTo(403));

		await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
				"select max(attempt) from ntf_send_failure where delivery_key = :k").param("k", reply.event().deliveryKey())
			.query(Integer.class).single() >= 2);
		gateway.release(reply.orderNo());
		await().atMost(Duration.ofSeconds(20)).until(() -> sent(reply.orderNo()) == 1);
		FailedSend resolved = failedSendsAs(office(hall().region()), reply.orderNo()).get(0);
		assertThat(resolved.state()).isEqualTo(FailedSend.State.RESOLVED);
		assertThat(resolved.resolvedAt()).isNotNull();
		assertThat(resolved.attempts()).isGreaterThanOrEqualTo(2);
		assertThat(as(office(hall().region()), () -> notices.failedSends(FailedSend.State.UNSENT, 200)))
			.extracting(FailedSend::reference).doesNotContain(reply.orderNo());
		assertThat(log.getAll()).as("the failure is logged, masked").contains(reply.orderNo())
			.doesNotContain(reply.mobile());
	}

	@Test
	void a_reply_to_a_rater_without_a_mobile_is_recorded_as_undeliverable_and_not_retried() {
		Reply reply = aReply();
		var noMobile = new RaterReplied(reply.orderId(), reply.orderNo(), List.of(-1L), reply.event().deliveryKey(),
				"已整改。", "/r/x", Instant.now());
		publish(noMobile);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !failedSendsAs(office(hall().region()), reply.orderNo()).isEmpty());
		FailedSend failed = failedSendsAs(office(hall().region()), reply.orderNo()).get(0);
		assertThat(failed.state()).isEqualTo(FailedSend.State.UNDELIVERABLE);
		assertThat(failed.to()).isNull();
		publish(noMobile);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> jdbc.sql(
				"select count(*) from ntf_send_failure where delivery_key = :k").param("k", noMobile.deliveryKey())
			.query(Long.class).single() == 1);
	}
}
