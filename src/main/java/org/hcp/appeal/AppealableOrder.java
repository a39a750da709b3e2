package org.hcp.appeal;

import org.hcp.rectification.WorkOrderSource;
import org.hcp.rectification.WorkOrderView;
import org.hcp.shared.HcpException;

/**
 * What can be appealed (domain §8): the work order of a bad review (not a supervision finding), still open, and
 * received by the responsible department — the filing window counts from that receipt.
 */
final class AppealableOrder {

	private AppealableOrder() {
	}

	static void check(WorkOrderView order) {
		if (order.source() != WorkOrderSource.BAD_REVIEW || order.evaluationIds() == null
				|| order.evaluationIds().isEmpty()) {
			throw HcpException.invalid("orderId", "NOT_A_BAD_REVIEW", "只有差评工单可以申诉",
					"Only the work order of a bad review can be appealed");
		}
		if (!order.state().isOpen()) {
			throw HcpException.conflict("orderId", "ORDER_CLOSED", "工单已办结（" + order.state() + "），不能申诉",
					"The work order is finished (" + order.state() + ") and cannot be appealed");
		}
		if (order.receivedAt() == null) {
			throw HcpException.invalid("orderId", "ORDER_NOT_RECEIVED", "工单尚未派发到责任单位，接收后方可申诉",
					"The work order has not reached the responsible department yet; appeal once it is received");
		}
	}
}
