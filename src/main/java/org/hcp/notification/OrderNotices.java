package org.hcp.notification;

import java.time.Clock;
import java.util.List;

import org.hcp.rectification.WorkOrderAdvanced;
import org.hcp.rectification.WorkOrderOpened;
import org.hcp.rectification.WorkOrderOverdue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the steps of work orders into in-app messages to the people who act next ({@link WhoIsTold}). Runs after the
 * step committed, in its own transaction, retried when it fails; idempotent, since every message has a unique key
 * made of the event and the addressee.
 */
@Component
class OrderNotices {

	private final NoticeStore notices;
	private final KnownOrders orders;
	private final Clock clock;

	OrderNotices(NoticeStore notices, KnownOrders orders, Clock clock) {
		this.notices = notices;
		this.orders = orders;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(WorkOrderOpened e) {
		orders.remember(e.orderId(), e.orderNo(), e.regionCode(), e.departmentCode(), e.staffNo());
	}

	@ApplicationModuleListener
	void on(WorkOrderAdvanced e) {
		orders.remember(e.orderId(), e.orderNo(), e.regionCode(), e.departmentCode(), e.staffNo());
		store(WhoIsTold.of(e));
	}

	@ApplicationModuleListener
	void on(WorkOrderOverdue e) {
		orders.remember(e.orderId(), e.orderNo(), e.regionCode(), e.departmentCode(), null);
		store(WhoIsTold.of(e));
	}

	private void store(List<Notice> told) {
		told.forEach(n -> notices.add(n, clock.instant()));
	}
}
