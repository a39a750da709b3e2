package org.hcp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hcp.rectification.RaterReplied;
import org.hcp.rectification.WorkOrderAdvanced;
import org.hcp.rectification.WorkOrderOpened;
import org.hcp.rectification.WorkOrderSource;
import org.hcp.rectification.WorkOrderState;
import org.hcp.support.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The messages screen /app/notices on the one layout: read, mark read (htmx and form), the badge, failed sends. */
class NoticeScreenIT extends NoticeFixtures {

	People people;

	@BeforeEach
	void people() {
		people = new People(port);
	}

	private long messageTo(String department) {
		long order = newOrderId();
		publish(new WorkOrderAdvanced(order, "GD" + order, "dispatch", WorkOrderState.RECEIVED, WorkOrderState.DISPATCHED,
				hall().region(), department, null, Instant.now()));
		await().atMost(Duration.ofSeconds(10)).until(() -> messages(order) == 1);
		return jdbc.sql("select id from ntf_message where order_id = :o").param("o", order).query(Long.class).single();
	}

	@Test
	void a_handler_sees_their_messages_on_the_layout_and_marks_one_read_with_htmx() {
		String department = newDepartment(hall().region());
		long id = messageTo(department);
		People.Session screen = people.department(hall().region(), department).signIn();

		People.Page page = screen.get("/app/notices");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.text()).contains("我的消息").contains("id=\"notice-" + id + "\"").contains("派至本单位")
			.contains("id=\"logout\"").contains("aria-current=\"page\"");
		assertThat(page.text()).as("no failed sends for a department").doesNotContain("failed-heading");

		People.Page badge = screen.htmx("GET", "/app/notices/badge", null);
		assertThat(badge.status()).isEqualTo(200);
		assertThat(badge.text()).contains("id=\"notice-badge\"").contains(">1<");

		People.Page marked = screen.htmx("POST", "/app/notices/" + id + "/read", Map.of());
		assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
		assertThat(marked.text()).contains("id=\"notice-" + id + "\"").contains("notice-read").doesNotContain("<html");
		assertThat(screen.htmx("GET", "/app/notices/badge", null).text()).doesNotContain("notice-badge");
		assertThat(screen.get("/app/notices?unread=true").text()).contains("id=\"notice-empty\"");
	}

	@Test
	void marking_read_with_a_plain_form_returns_to_the_list_and_needs_csrf() {
		String department = newDepartment(hall().region());
		long id = messageTo(department);
		long other = messageTo(hall().department());
		People.Session screen = people.department(hall().region(), department).signIn();
		screen.get("/app/notices");

		assertThat(screen.postWithoutCsrf("/app/notices/" + id + "/read", Map.of()).status()).isIn(302, 403);
		assertThat(screen.get("/app/notices?unread=true").text()).contains("id=\"notice-" + id + "\"");
		People.Page done = screen.post("/app/notices/" + id + "/read", Map.of());
		assertThat(done.status()).isEqualTo(302);
		assertThat(done.location()).endsWith("/app/notices");
		assertThat(screen.get("/app/notices?unread=true").text()).doesNotContain("id=\"notice-" + id + "\"");

		screen.get("/app/notices");
		People.Page refused = screen.post("/app/notices/" + other + "/read", Map.of());
		assertThat(refused.status()).as("another department's message").isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from ntf_message_read where message_id = :m").param("m", other)
			.query(Long.class).single()).isZero();
	}

	@Test
	void the_office_sees_the_failed_sends_of_its_region_masked_in_english_too() {
		long order = newOrderId();
		String orderNo = "GD" + order;
		publish(new WorkOrderOpened(order, orderNo, WorkOrderSource.BAD_REVIEW, hall().region(), hall().department(),
				null, Instant.now()));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from ntf_order where order_id = :o")
			.param("o", order).query(Long.class).single() == 1);
		publish(new RaterReplied(order, orderNo, List.of(-1L), "REPLY:" + UUID.randomUUID(), "已整改。", "/r/x",
				Instant.now()));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from ntf_send_failure where reference = :r").param("r", orderNo).query(Long.class)
			.single() == 1);

		People.Session office = people.office(hall().region()).signIn();
		People.Page page = office.get("/app/notices");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("短信发送失败").contains(orderNo).contains("无法送达").contains("整改反馈");
		People.Page english = office.get("/app/notices?lang=en");
		assertThat(english.text()).contains("SMS that could not be sent").contains("Undeliverable")
			.contains("Answer to a rater").contains("lang=\"en\"");
	}
}
