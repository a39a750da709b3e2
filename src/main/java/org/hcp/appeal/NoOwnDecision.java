package org.hcp.appeal;

import java.util.List;

import org.hcp.security.Caller;
import org.hcp.shared.Bilingual;
import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;

/**
 * 回避 (domain §8, issue: "nobody decides their own appeal"): the decider is neither who filed the appeal (the same
 * account or key), nor the rated staff member, nor a member of the order's department. Refused with 403.
 */
final class NoOwnDecision {

	private NoOwnDecision() {
	}

	static void check(Caller decider, StoredAppeal appeal) {
		boolean filedIt = decider.userId() != null && decider.userId().equals(appeal.filedByUser())
				|| decider.keyId() != null && decider.keyId().equals(appeal.filedByKey());
		boolean rated = decider.staffNo() != null && decider.staffNo().equals(appeal.staffNo());
		boolean ownDepartment = decider.departmentCode() != null
				&& decider.departmentCode().equals(appeal.departmentCode());
		if (filedIt || rated || ownDepartment) {
			throw new HcpException(HttpStatus.FORBIDDEN, "OWN_APPEAL",
					Bilingual.of("申诉人、被评价的工作人员及其所在责任单位的人员不能复核本申诉",
							"Whoever filed the appeal, the rated staff member and their department may not decide it"),
					List.of());
		}
	}
}
