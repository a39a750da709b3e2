package org.hcp.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hcp.rectification.WorkOrderDetail;
import org.hcp.rectification.WorkOrders;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A real bad rating, taken along its work order by the right people: who is told on the way, and the rater's SMS. */
class NoticesAlongTheOrderIT extends NoticeFixtures {

	@Autowired
	WorkOrders orders;

	private long badReviewBy(String raterMobile) {
		var c = aCase().completedAfter(5);
		c.create();
		Http.Reply rated = rate(rating(c.caseNo(), 1, "comment", "窗口态度差", "rater",
				Map.of("name", "赵六", "mobile", raterMobile)));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"select count(*) from rct_order_rating where case_no = :c").param("c", c.caseNo()).query(Long.class)
			.single() > 0);
		return jdbc.sql("select order_id from rct_order_rating where case_no = :c").param("c", c.caseNo())
			.query(Long.class).single();
	}

	private int version(long id) {
		return orders.detail(id).version();
	}

	private Caller hotline() {
		return person(Set.of(Role.HOTLINE), hall().region(), null, null);
	}

	private Caller handler() {
		return departmentHandler(hall().department(), hall().region());
	}

	@Test
	void a_dispatched_bad_review_reaches_the_department_and_the_staff_member_and_the_reply_reaches_the_rater_by_sms() {
		String raterMobile = randomMobile();
		long id = badReviewBy(raterMobile);
		String orderNo = orders.detail(id).order().orderNo();
		as(hotline(), () -> orders.dispatch(id, version(id)));

		await().atMost(Duration.ofSeconds(10)).until(() -> messages(id) == 2);
		assertThat(as(handler(), () -> notices.mine(true, null, 200))).filteredOn(n -> n.orderId() == id)
			.singleElement().satisfies(n -> {
				assertThat(n.topic()).isEqualTo("ORDER_DISPATCHED");
				assertThat(n.text()).contains(orderNo);
			});
		assertThat(as(staffMember(hall().staffNo(), hall().region()), () -> notices.mine(true, null, 200)))
			.filteredOn(n -> n.orderId() == id).extracting(NoticeView::topic).containsExactly("ORDER_ABOUT_YOUR_SERVICE");

		as(handler(), () -> orders.verify(id, version(id), "评价人赵六", "电话", "窗口人员解释不清"));
		as(handler(), () -> orders.rectifyAtOnce(id, version(id), "已对窗口人员批评教育并培训", List.of()));
		WorkOrderDetail replied = as(handler(), () -> orders.reply(id, version(id), "您好，已整改，感谢监督"));
		assertThat(replied.repliedAt()).isNotNull();

		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from ntf_outbound_sms where reference = :r and purpose = 'FEEDBACK'").param("r", orderNo)
			.query(Long.class).single() == 1);
		var sms = jdbc.sql("select text, mobile_masked from ntf_outbound_sms where reference = :r and purpose = 'FEEDBACK'")
			.param("r", orderNo).query((rs, i) -> List.of(rs.getString(1), rs.getString(2))).single();
		assertThat(sms.get(0)).contains("您好，已整改，感谢监督").containsPattern("/r/[A-Za-z0-9_-]{43}");
		assertThat(sms.get(1)).as("to the rater's own mobile, masked")
			.isEqualTo(raterMobile.substring(0, 3) + "****" + raterMobile.substring(7));
		assertThat(messages(id)).as("the department's own steps tell nobody").isEqualTo(2);
	}

	@Test
	void an_extension_request_reaches_the_office_and_its_approval_the_department() {
		long id = badReviewBy(randomMobile());
		as(hotline(), () -> orders.dispatch(id, version(id)));
		as(handler(), () -> orders.verify(id, version(id), "评价人赵六", "电话", "需协调其他部门"));
		var deadline = orders.detail(id).order().deadline();
		as(handler(), () -> orders.requestExtension(id, version(id),
				deadline.atZone(org.hcp.shared.ChinaTime.ZONE).toLocalDate().plusDays(10), "需跨部门协调"));
		await().atMost(Duration.ofSeconds(10)).until(() -> messages(id, "OFFICE", hall().region()) == 1);
		assertThat(as(office(hall().region()), () -> notices.mine(true, null, 200))).filteredOn(n -> n.orderId() == id)
			.extracting(NoticeView::topic).containsExactly("EXTENSION_REQUESTED");

		as(office(hall().region()), () -> orders.approveExtension(id, version(id), "同意"));
		await().atMost(Duration.ofSeconds(10)).until(() -> messages(id, "DEPARTMENT", hall().department()) == 2);
		assertThat(as(handler(), () -> notices.mine(false, null, 200))).filteredOn(n -> n.orderId() == id)
			.extracting(NoticeView::topic).containsExactly("EXTENSION_APPROVED", "ORDER_DISPATCHED");
	}
}
