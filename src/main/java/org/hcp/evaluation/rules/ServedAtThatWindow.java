package org.hcp.evaluation.rules;

import java.util.Objects;
import java.util.Optional;

import org.hcp.cases.CaseView;
import org.hcp.cases.ServiceEventView;

/**
 * 一码一账号 (domain §3, §5): a window's QR code rates only a service that its staff member gave at that window. The
 * rated service is the latest one of the case with both the token's staff number and window code; none is none.
 */
public final class ServedAtThatWindow {

	private ServedAtThatWindow() {
	}

	public static Optional<ServiceEventView> find(CaseView c, String staffNo, String windowCode) {
		if (staffNo == null || windowCode == null) {
			return Optional.empty();
		}
		return c.events().stream()
			.filter(e -> Objects.equals(staffNo, e.staffNo()) && Objects.equals(windowCode, e.windowCode()))
			.reduce((earlier, later) -> later.serviceNo() > earlier.serviceNo() ? later : earlier);
	}
}
