package org.hcp.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hcp.security.Caller;
import org.hcp.security.Role;

/**
 * The addressees whose messages a person reads: themselves (user id), their department when they are a department
 * handler, their staff number when they are window staff, and the office of their region — that region exactly, not
 * the ones below, which have offices of their own — when they work in an office. Systems (API keys) read none.
 */
record Inbox(Long userId, List<Addressee> addressees) {

	static Inbox of(Optional<Caller> current) {
		if (current.isEmpty() || !current.get().isPerson()) {
			return new Inbox(null, List.of());
		}
		Caller caller = current.get();
		String region = caller.region() == null ? null : caller.region().value();
		List<Addressee> addressees = new ArrayList<>();
		addressees.add(Addressee.user(caller.userId(), region));
		if (caller.has(Role.DEPARTMENT) && present(caller.departmentCode())) {
			addressees.add(Addressee.department(caller.departmentCode(), region));
		}
		if (caller.has(Role.STAFF) && present(caller.staffNo())) {
			addressees.add(Addressee.staff(caller.staffNo(), region));
		}
		if (caller.has(Role.OFFICE) && region != null) {
			addressees.add(Addressee.office(region));
		}
		return new Inbox(caller.userId(), List.copyOf(addressees));
	}

	boolean isEmpty() {
		return userId == null;
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}
}
