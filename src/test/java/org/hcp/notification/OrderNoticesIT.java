package org.hcp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.hcp.rectification.WorkOrderAdvanced;
import org.hcp.rectification.WorkOrderOpened;
import org.hcp.rectification.WorkOrderOverdue;
import org.hcp.rectification.WorkOrderSource;
import org.hcp.rectification.WorkOrderState;
import org.hcp.shared.HcpException;
import org.junit.jupiter.api.Test;

/** In-app messages 站内消息 from the steps of work orders: who is told, once, and who reads what. */
class OrderNoticesIT extends NoticeFixtures {

	private static final Instant AT = Instant.parse("2026-10-09T01:00:00Z");

	private static WorkOrderOverdue overdue(long orderId, String region, String department, int times) {
		return new WorkOrderOverdue(orderId, "GD" + orderId, "VERIFY", region, department,
				Instant.parse("2026-10-08T16:00:00Z"), times, times > 1, AT);
	}

	private static WorkOrderAdvanced dispatched(long orderId, String region, String department, String staffNo) {
		return new WorkOrderAdvanced(orderId, "GD" + orderId, "dispatch", WorkOrderState.RECEIVED,
				WorkOrderState.DISPATCHED, region, department, staffNo, AT);
	}

	@Test
	void an_overdue_order_notifies_the_department_and_the_office_once() {
		long order = newOrderId();
		String region = randomCounty();
		String department = newCreditCode();
		publish(overdue(order, region, department, 1));
		publish(overdue(order, region, department, 1));
		await().atMost(Duration.ofSeconds(10)).until(() -> messages(order) == 2);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> messages(order) == 2);
		assertThat(messages(order, "DEPARTMENT", department)).isEqualTo(1);
		assertThat(messages(order, "OFFICE", region)).isEqualTo(1);
		assertThat(messages(order, "OFFICE", region.substring(0, 4) + "00000000")).as("not escalated").isZero();

		var text = as(departmentHandler(department, region), () -> notices.mine(false, null, 50)).get(0).text();
		assertThat(text).contains("GD" + order).contains("核实").contains("2026-10-09 00:00");
	}

	@Test
	void an_escalation_also_notifies_the_office_of_the_parent_region() {
		long order = newOrderId();
		String region = randomCounty();
		String city = region.substring(0, 4) + "00000000";
		String department = newCreditCode();
		publish(overdue(order, region, department, 1));
		publish(overdue(order, region, department, 2));
		await().atMost(Duration.ofSeconds(10)).until(() -> messages(order) == 5);
		assertThat(messages(order, "DEPARTMENT", department)).isEqualTo(2);
		assertThat(messages(order, "OFFICE", region)).isEqualTo(2);
		assertThat(messages(order, "OFFICE", city)).isEqualTo(1);
		assertThat(as(office(city), () -> notices.mine(false, null, 50))).filteredOn(n -> n.orderId() == order)
			.singleElement().satisfies(n -> assertThat(n.topic()).isEqualTo("ORDER_ESCALATED"));
	}

	@Test
	void a_department_sees_only_its_own_messages() {
		long mine = newOrderId();
		long theirs = newOrderId();
		String region = randomCounty();
		String department = newCreditCode();
		String other = newCreditCode();
		publish(dispatched(mine, region, department, null), dispatched(theirs, region, other, null));
		await().atMost(Duration.ofSeconds(10)).until(() -> messages(mine) + messages(theirs) == 2);

		var handler = departmentHandler(department, region);
		assertThat(as(handler, () -> notices.mine(false, null, 50))).extracting(NoticeView::orderId).containsExactly(mine);
		assertThat(as(handler, () -> notices.unreadCount())).isEqualTo(1);
		assertThat(as(office(region), () -> notices.mine(false, null, 50))).as("the office is not the department")
			.extracting(NoticeView::orderId).doesNotContain(mine, theirs);
		assertThat(as(departmentHandler(department, otherCountyThan(region)), () -> notices.mine(false, null, 50)))
			.as("a handler of the same department code limited to another region").isEmpty();
	}

	@Test
	void a_dispatch_tells_the_rated_staff_member_in_their_own_inbox() {
		long order = newOrderId();
		String region = randomCounty();
		String staffNo = unique("STF");
		publish(dispatched(order, region, newCreditCode(), staffNo));
		await().atMost(Duration.ofSeconds(10)).until(() -> messages(order) == 2);
		assertThat(as(staffMember(staffNo, region), () -> notices.mine(false, null, 50))).singleElement()
			.satisfies(n -> assertThat(n.topic()).isEqualTo("ORDER_ABOUT_YOUR_SERVICE"));
		assertThat(as(staffMember(unique("STF"), region), () -> notices.mine(false, null, 50))).isEmpty();
	}

	@Test
	void an_office_reads_the_office_messages_of_its_own_region_exactly() {
		long order = newOrderId();
		String region = randomCounty();
		String city = region.substring(0, 4) + "00000000";
		publish(new WorkOrderAdvanced(order, "GD" + order, "request-extension", WorkOrderState.VERIFIED,
				WorkOrderState.VERIFIED, region, newCreditCode(), null, AT));
		await().atMost(Duration.ofSeconds(10)).until(() -> messages(order) == 1);
		assertThat(as(office(region), () -> notices.mine(false, null, 50))).extracting(NoticeView::orderId)
			.contains(order);
		assertThat(as(office(city), () -> notices.mine(false, null, 50))).as("the city office has its own messages")
			.extracting(NoticeView::orderId).doesNotContain(order);
	}

	@Test
	void marking_read_works_and_is_scoped() {
		long order = newOrderId();
		long other = newOrderId();
		String region = randomCounty();
		String department = newCreditCode();
		publish(dispatched(order, region, department, null), dispatched(other, region, newCreditCode(), null));
		await().atMost(Duration.ofSeconds(10)).until(() -> messages(order) + messages(other) == 2);
		var handler = departmentHandler(department, region);
		var colleague = departmentHandler(department, region);
		long id = as(handler, () -> notices.mine(true, null, 50)).get(0).id();
		long foreign = jdbc.sql("select id from ntf_message where order_id = :o").param("o", other).query(Long.class)
			.single();

		NoticeView read = as(handler, () -> notices.markRead(id));
		assertThat(read.read()).isTrue();
		assertThat(read.readAt()).isNotNull();
		assertThat(as(handler, () -> notices.markRead(id)).readAt()).as("marking again keeps the first time")
			.isEqualTo(read.readAt());
		assertThat(as(handler, () -> notices.unreadCount())).isZero();
		assertThat(as(handler, () -> notices.mine(true, null, 50))).isEmpty();
		assertThat(as(colleague, () -> notices.unreadCount())).as("each handler reads on their own").isEqualTo(1);

		assertThatThrownBy(() -> as(handler, () -> notices.markRead(foreign))).isInstanceOfSatisfying(HcpException.class,
				e -> assertThat(e.status().value()).isEqualTo(404));
		assertThat(jdbc.sql("select count(*) from ntf_message_read where message_id = :m").param("m", foreign)
			.query(Long.class).single()).as("nothing stored for a message that is not the reader's").isZero();

		assertThat(as(colleague, () -> notices.markAllRead())).isEqualTo(1);
		assertThat(as(colleague, () -> notices.unreadCount())).isZero();
	}

	@Test
	void an_opened_order_is_remembered_with_its_region_and_tells_nobody() {
		long order = newOrderId();
		String region = randomCounty();
		publish(new WorkOrderOpened(order, "GD" + order, WorkOrderSource.BAD_REVIEW, region, newCreditCode(), null, AT));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from ntf_order where order_id = :o")
			.param("o", order).query(Long.class).single() == 1);
		assertThat(messages(order)).isZero();
	}

	@Test
	void messages_and_their_reads_are_append_only() {
		assertThat(jdbc.sql("""
				select count(*) from pg_trigger t join pg_proc p on p.oid = t.tgfoid
				where p.proname in ('ntf_message_refuse_change', 'ntf_message_read_refuse_change',
				  'ntf_send_failure_refuse_change')""").query(Long.class).single()).isEqualTo(6);
	}
}
