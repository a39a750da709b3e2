package org.hcp.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hcp.security.Caller;
import org.hcp.security.Role;

/**
 * The screens' navigation: each entry with the roles that see it. Administrators see every entry but the staff's
 * own ratings (an administrator has none).
 */
final class Navigation {

	private static final Set<Role> EVERYONE = EnumSet.of(Role.ADMIN, Role.HOTLINE, Role.DEPARTMENT, Role.OFFICE,
			Role.STAFF, Role.ASSESSOR);

	static final List<Entry> ENTRIES = List.of(
			new Entry("/app", "nav.home", EVERYONE),
			new Entry("/app/orders", "nav.orders", EnumSet.of(Role.HOTLINE, Role.DEPARTMENT, Role.OFFICE, Role.ASSESSOR, Role.ADMIN)),
			new Entry("/app/orders/ledger", "nav.ledger", EnumSet.of(Role.OFFICE, Role.ADMIN)),
			new Entry("/app/dashboard", "analytics.dashboard.nav", EnumSet.of(Role.OFFICE, Role.DEPARTMENT, Role.ADMIN)),
			new Entry("/app/appeals", "nav.appeals", EnumSet.of(Role.OFFICE, Role.DEPARTMENT, Role.ADMIN)),
			new Entry("/app/mine", "nav.mine", EnumSet.of(Role.STAFF)),
			new Entry("/app/codes", "door.code.nav", EnumSet.of(Role.OFFICE, Role.ADMIN)),
			new Entry("/app/hotline/rate", "door.entry.nav", EnumSet.of(Role.HOTLINE, Role.ADMIN)),
			new Entry("/app/paper", "door.paper.nav", EnumSet.of(Role.STAFF, Role.DEPARTMENT, Role.OFFICE, Role.ADMIN)),
			new Entry("/app/supervision", "nav.supervision", EnumSet.of(Role.OFFICE, Role.ASSESSOR, Role.HOTLINE, Role.ADMIN)),
			new Entry("/app/rankings", "analytics.ranking.nav", EnumSet.of(Role.OFFICE, Role.DEPARTMENT, Role.ADMIN)),
			new Entry("/app/reports", "analytics.report.nav", EnumSet.of(Role.OFFICE, Role.ADMIN)),
			new Entry("/app/notices", "nav.notices", EVERYONE),
			new Entry("/app/devices", "door.evaluator.nav", EnumSet.of(Role.OFFICE, Role.ADMIN)),
			new Entry("/app/exchange", "exchange.outbox.title", EnumSet.of(Role.OFFICE, Role.ADMIN)),
			new Entry("/app/admin/exchange", "exchange.peer.title", EnumSet.of(Role.ADMIN)),
			new Entry("/app/admin/users", "nav.users", EnumSet.of(Role.ADMIN)));

	private Navigation() {
	}

	/** One link: where it goes, its message key, who sees it. */
	record Entry(String path, String key, Set<Role> roles) {

		boolean visibleTo(Caller caller) {
			return caller.roles().stream().anyMatch(roles::contains);
		}
	}

	/** A link as the layout shows it; {@code current} marks the page the person is on. */
	record Link(String path, String key, boolean current) {
	}

	static List<Link> linksFor(Caller caller, String requestPath) {
		String current = ENTRIES.stream()
			.map(Entry::path)
			.filter(p -> requestPath.equals(p) || requestPath.startsWith(p + "/"))
			.reduce((a, b) -> b.length() > a.length() ? b : a)
			.orElse("");
		return ENTRIES.stream()
			.filter(e -> e.visibleTo(caller))
			.map(e -> new Link(e.path(), e.key(), e.path().equals(current)))
			.toList();
	}
}
