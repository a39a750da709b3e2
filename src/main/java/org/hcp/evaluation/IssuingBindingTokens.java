package org.hcp.evaluation;

import org.hcp.catalog.Catalog;
import org.hcp.catalog.StaffView;
import org.hcp.catalog.WindowView;
import org.hcp.cases.CaseView;
import org.hcp.cases.Cases;
import org.hcp.cases.ServiceEventView;
import org.hcp.evaluation.rules.OneCodeOneAccount;
import org.hcp.security.Caller;
import org.hcp.security.RegionScope;
import org.hcp.shared.HcpException;
import org.springframework.stereotype.Service;

/**
 * Issues binding tokens to hall systems: a DEVICE token for one service event just finished, a QR token for a
 * staff member at their own window (一码一账号). Each token carries the API key that asked for it. The case comes
 * through the scoped {@link Cases} façade; the window is held against the caller's {@link RegionScope} here.
 */
@Service
class IssuingBindingTokens {

	private final BindingTokens tokens;
	private final Cases cases;
	private final Catalog catalog;

	IssuingBindingTokens(BindingTokens tokens, Cases cases, Catalog catalog) {
		this.tokens = tokens;
		this.cases = cases;
		this.catalog = catalog;
	}

	BindingToken device(String caseNo, Integer serviceNo, String deviceId) {
		CaseView c = cases.requireReferenced("caseNo", caseNo);
		ServiceEventView e = event(c, serviceNo);
		return tokens.device(c.caseNo(), e.serviceNo(), e.windowCode(), e.staffNo(), deviceId).withIssuer(issuer());
	}

	/** 自助终端: the kiosk's token after a self-service transaction, bound like an evaluator's. */
	BindingToken kiosk(String caseNo, Integer serviceNo, String deviceId) {
		CaseView c = cases.requireReferenced("caseNo", caseNo);
		ServiceEventView e = event(c, serviceNo);
		return tokens.kiosk(c.caseNo(), e.serviceNo(), e.windowCode(), e.staffNo(), deviceId).withIssuer(issuer());
	}

	/** The receipt's token for a case the caller may see (the page opens it from the case's short link). */
	BindingToken caseReceipt(String caseNo) {
		return tokens.caseReceipt(cases.requireReferenced("caseNo", caseNo).caseNo()).withIssuer(issuer());
	}

	private static ServiceEventView event(CaseView c, Integer serviceNo) {
		return (serviceNo == null ? c.lastEvent() : c.event(serviceNo)).orElseThrow(
				() -> HcpException.invalid("serviceNo", "UNKNOWN_SERVICE", "该办件没有这次服务", "The case has no such service event"));
	}

	BindingToken qr(String windowCode, String staffNo) {
		WindowView window = windowCode == null ? null : catalog.window(windowCode).orElse(null);
		if (window == null) {
			throw HcpException.invalid("windowCode", "UNKNOWN_WINDOW", "窗口不存在：" + windowCode, "No window " + windowCode);
		}
		RegionScope.current().require("windowCode", window.region());
		if (staffNo == null) {
			throw HcpException.invalid("staffNo", "REQUIRED", "二维码须绑定工作人员（一码一账号）", "A QR code is bound to one staff member");
		}
		StaffView staff = catalog.staff(staffNo).orElseThrow(() -> HcpException.invalid("staffNo", "UNKNOWN_STAFF",
				"工作人员不存在：" + staffNo, "No staff member " + staffNo));
		OneCodeOneAccount.check(staff, window.code());
		return tokens.qr(window.code(), staff.staffNo()).withIssuer(issuer());
	}

	private static Long issuer() {
		return Caller.current().map(Caller::keyId).orElse(null);
	}
}
