package org.hcp.evaluation.rules;

import java.util.Objects;

import org.hcp.catalog.StaffView;
import org.hcp.shared.HcpException;

/**
 * 一码一账号 (domain §3): one QR code is bound to one staff account at that staff member's own window. A code for a
 * staff member the catalog places at another window (or at none) is not issued.
 */
public final class OneCodeOneAccount {

	private OneCodeOneAccount() {
	}

	public static void check(StaffView staff, String windowCode) {
		if (!staff.active()) {
			throw HcpException.invalid("staffNo", "STAFF_INACTIVE", "工作人员 " + staff.staffNo() + " 已停用，不能生成二维码",
					"Staff member " + staff.staffNo() + " is inactive");
		}
		if (!Objects.equals(staff.windowCode(), windowCode)) {
			throw HcpException.invalid("staffNo", "STAFF_NOT_AT_WINDOW",
					"工作人员 " + staff.staffNo() + " 不在窗口 " + windowCode + "（一码一账号：二维码只绑定本人所在窗口）",
					"Staff member " + staff.staffNo() + " does not work at window " + windowCode
							+ " (one code, one account: a QR code binds a staff member at their own window)");
		}
	}
}
