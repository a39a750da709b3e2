package org.hcp.appeal;

import java.util.List;

import org.hcp.rectification.WorkOrderView;
import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.Bilingual;
import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;

/**
 * 申诉主体 (domain §8): the rated staff member (STAFF, an order of their own staff number) or their department
 * (DEPARTMENT, an order of that department) appeals; an administrator may file for them. Answers the role the caller
 * appeals in; anyone else is refused (403).
 */
final class WhoMayAppeal {

	private WhoMayAppeal() {
	}

	static Role check(Caller caller, WorkOrderView order) {
		if (caller.has(Role.STAFF) && caller.staffNo() != null && caller.staffNo().equals(order.staffNo())) {
			return Role.STAFF;
		}
		if (caller.has(Role.DEPARTMENT) && caller.departmentCode() != null
				&& caller.departmentCode().equals(order.departmentCode())) {
			return Role.DEPARTMENT;
		}
		if (caller.has(Role.ADMIN)) {
			return Role.ADMIN;
		}
		throw new HcpException(HttpStatus.FORBIDDEN, "NOT_APPELLANT",
				Bilingual.of("只有被评价的工作人员本人或其所在责任单位可以申诉此差评",
						"Only the rated staff member or their department may appeal this bad review"),
				List.of());
	}
}
