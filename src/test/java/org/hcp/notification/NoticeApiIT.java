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
import org.hcp.support.Http;
import org.hcp.support.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** People read their messages on the REST API with their accounts (HTTP Basic); the office reads failed sends. */
class NoticeApiIT extends NoticeFixtures {

	People people;

	@BeforeEach
	void people() {
		people = new People(port);
	}

	private long dispatchedTo(String department) {
		long order = newOrderId();
		publish(new WorkOrderAdvanced(order, "GD" + order, "dispatch", WorkOrderState.RECEIVED, WorkOrderState.DISPATCHED,
				hall().region(), department, null, Instant.now()));
		await().atMost(Duration.ofSeconds(10)).until(() -> messages(order) == 1);
		return order;
	}

	private static List<Long> orderIds(Http.Reply reply) {
		List<Long> ids = new java.util.ArrayList<>();
		reply.json().path("notices").forEach(n -> ids.add(n.path("orderId").asLong()));
		return ids;
	}

	@Test
	void a_department_handler_reads_and_marks_the_messages_of_their_department_only() {
		String otherDepartment = newDepartment(hall().region());
		long mine = dispatchedTo(hall().department());
		long theirs = dispatchedTo(otherDepartment);
		People.Api handler = people.department(hall().region(), hall().department()).api();

		Http.Reply list = handler.get("/api/v1/notices?unread=true");
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(orderIds(list)).contains(mine).doesNotContain(theirs);
		JsonNode notice = list.json().path("notices").get(0);
		assertThat(notice.path("text").asString()).contains("GD").contains("派至本单位");
		assertThat(notice.path("read").asBoolean()).isFalse();
		long unread = handler.get("/api/v1/notices/unread-count").json().path("unread").asLong();
		assertThat(unread).isEqualTo(list.json().path("unread").asLong()).isPositive();

		long id = jdbc.sql("select id from ntf_message where order_id = :o").param("o", mine).query(Long.class).single();
		long foreign = jdbc.sql("select id from ntf_message where order_id = :o").param("o", theirs).query(Long.class)
			.single();
		Http.Reply read = handler.post("/api/v1/notices/" + id + "/read", null);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertThat(read.json().path("read").asBoolean()).isTrue();
		assertThat(handler.get("/api/v1/notices/unread-count").json().path("unread").asLong()).isEqualTo(unread - 1);

		Http.Reply refused = handler.post("/api/v1/notices/" + foreign + "/read", null);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
		assertThat(refused.json().path("code").asString()).isEqualTo("UNKNOWN_NOTICE");
		assertThat(refused.text()).doesNotContain("GD" + theirs);

		Http.Reply all = handler.post("/api/v1/notices/read-all", null);
		assertThat(all.json().path("marked").asInt()).isEqualTo(unread - 1);
		assertThat(jdbc.sql("select count(*) from ntf_message_read where message_id = :m").param("m", foreign)
			.query(Long.class).single()).as("another department's message stays unread by this handler").isZero();
	}

	@Test
	void failed_sends_are_for_the_office_of_their_region_and_the_admin() {
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

		Http.Reply office = people.office(hall().region()).api().get("/api/v1/notices/failed-sends?state=UNDELIVERABLE");
		assertThat(office.status()).as(office.toString()).isEqualTo(200);
		assertThat(office.text()).contains(orderNo).contains("UNDELIVERABLE").contains("FEEDBACK");
		assertThat(admin.get("/api/v1/notices/failed-sends").text()).contains(orderNo);

		String otherCounty = county().substring(0, 4) + "03000000";
		assertThat(admin.post("/api/v1/catalog/regions", Map.of("code", otherCounty, "name", "测试县")).status())
			.isIn(201, 409);
		Http.Reply elsewhere = people.office(otherCounty).api().get("/api/v1/notices/failed-sends");
		assertThat(elsewhere.status()).isEqualTo(200);
		assertThat(elsewhere.text()).doesNotContain(orderNo);
		assertThat(people.department(hall().region(), hall().department()).api().get("/api/v1/notices/failed-sends")
			.status()).as("a department is not the office").isEqualTo(403);
		assertThat(people.office(hall().region()).api().get("/api/v1/notices/failed-sends?state=LOST").status())
			.isEqualTo(422);
		assertThat(people.office(hall().region()).api().get("/api/v1/notices?limit=0").status()).isEqualTo(422);
	}
}
