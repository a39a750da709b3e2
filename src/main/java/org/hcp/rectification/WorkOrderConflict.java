package org.hcp.rectification;

import org.hcp.shared.HcpException;

/** The refusals of a step the order's state or history does not allow: 409 with a code naming the rule. */
final class WorkOrderConflict {

	private WorkOrderConflict() {
	}

	static HcpException wrongState(String action, WorkOrderState state) {
		return HcpException.conflict("state", "WRONG_STATE",
				"工单当前状态为 " + state + "，不能执行“" + action + "”",
				"The order is " + state + "; '" + action + "' is not possible now");
	}

	static HcpException stale(int expected) {
		return HcpException.conflict("version", "STALE_VERSION",
				"工单已被他人修改（版本 " + expected + " 已过期），请刷新后重试",
				"The order was changed meanwhile (version " + expected + " is stale); reload and try again");
	}
}
