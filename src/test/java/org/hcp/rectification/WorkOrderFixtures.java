package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.RegionCode;
import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work orders opened by real bad ratings (through the rating API), and the people who work on them: a caller set in
 * the security context exactly as a signed-in person's authentication carries it.
 */
abstract class WorkOrderFixtures extends ServiceFixtures {

	private static final AtomicLong USER_IDS = new AtomicLong(900_000);

	@Autowired
	protected WorkOrders orders;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	/** A completed case of the test hall rated 1 star; waits for its order and returns its id. */
	protected long badReview() {
		var c = aCase().completedAfter(5);
		c.create();
		Http.Reply rated = rate(rating(c.caseNo(), 1, "comment", "窗口态度差", "rater",
				Map.of("name", "赵六", "mobile", randomMobile())));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
		return orderOf(c.caseNo());
	}

	protected long orderOf(String caseNo) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from rct_order_rating where case_no = :c")
			.param("c", caseNo).query(Long.class).single() > 0);
		return jdbc.sql("select order_id from rct_order_rating where case_no = :c").param("c", caseNo).query(Long.class)
			.single();
	}

	protected Caller hotline() {
		return person(Set.of(Role.HOTLINE), hall().region(), null, null);
	}

	protected Caller department() {
		return person(Set.of(Role.DEPARTMENT), hall().region(), hall().department(), null);
	}

	protected Caller office() {
		return person(Set.of(Role.OFFICE), hall().region(), null, null);
	}

	protected Caller assessor() {
		return person(Set.of(Role.ASSESSOR), hall().region(), null, null);
	}

	protected static Caller person(Set<Role> roles, String region, String department, String staffNo) {
		long id = USER_IDS.incrementAndGet();
		return Caller.person(id, "user" + id, roles, region == null ? null : new RegionCode(region), department, staffNo);
	}

	/** Signs in as this person for what follows (until the next call or the end of the test). */
	protected void as(Caller caller) {
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(caller, null,
				caller.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList()));
	}

	protected WorkOrderDetail current(long id) {
		SecurityContextHolder.clearContext();
		return orders.detail(id);
	}

	protected int version(long id) {
		return current(id).version();
	}

	/** The order taken to the given state on the main path, by the right people. */
	protected WorkOrderDetail takenTo(long id, WorkOrderState target) {
		WorkOrderDetail d = current(id);
		List<WorkOrderState> path = List.of(WorkOrderState.RECEIVED, WorkOrderState.DISPATCHED, WorkOrderState.VERIFIED,
				WorkOrderState.RECTIFIED, WorkOrderState.REPLIED, WorkOrderState.REVISITED, WorkOrderState.CLOSED);
		while (d.order().state() != target) {
			switch (d.order().state()) {
				case RECEIVED -> {
					as(hotline());
					d = orders.dispatch(id, d.version());
				}
				case DISPATCHED -> {
					as(department());
					d = orders.verify(id, d.version(), "评价人赵六", "电话", "窗口人员解释不清");
				}
				case VERIFIED -> {
					as(department());
					d = orders.rectifyAtOnce(id, d.version(), "已对窗口人员批评教育并培训", List.of());
				}
				case RECTIFIED -> {
					as(department());
					d = orders.reply(id, d.version(), "您好，已整改，感谢监督");
				}
				case REPLIED -> {
					as(hotline());
					d = orders.revisit(id, d.version(), RevisitOutcome.SATISFIED, "满意");
				}
				case REVISITED -> {
					as(office());
					d = orders.close(id, d.version(), "整改到位");
				}
				default -> throw new IllegalStateException("not on the main path: " + d.order().state());
			}
			assertThat(path).contains(d.order().state());
		}
		SecurityContextHolder.clearContext();
		return d;
	}
}
