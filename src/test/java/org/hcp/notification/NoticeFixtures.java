package org.hcp.notification;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.RegionCode;
import org.hcp.support.ServiceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the events of rectification the way its façade does (inside a transaction, so that the listeners run
 * after commit from the event publication registry), and acts as a person signed in with an account.
 */
abstract class NoticeFixtures extends ServiceFixtures {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Notices notices;

	void publish(Object... published) {
		transactions.executeWithoutResult(status -> {
			for (Object event : published) {
				events.publishEvent(event);
			}
		});
	}

	/** Runs as this person: the principal of a signed-in account, as the security chain sets it. */
	static <T> T as(Caller person, Supplier<T> work) {
		var authorities = person.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(person, null, authorities));
		// a request without Accept-Language is read in the application's default language
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
			LocaleContextHolder.resetLocaleContext();
		}
	}

	static Caller office(String region) {
		return person(Set.of(Role.OFFICE), region, null, null);
	}

	static Caller departmentHandler(String departmentCode, String region) {
		return person(Set.of(Role.DEPARTMENT), region, departmentCode, null);
	}

	static Caller staffMember(String staffNo, String region) {
		return person(Set.of(Role.STAFF), region, null, staffNo);
	}

	static Caller person(Set<Role> roles, String region, String departmentCode, String staffNo) {
		long userId = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000L);
		return Caller.person(userId, "u" + userId, roles, region == null ? null : new RegionCode(region), departmentCode,
				staffNo);
	}

	/** An order id far from those the rectification module hands out. */
	static long newOrderId() {
		return ThreadLocalRandom.current().nextLong(1_000_000_000L, 1_000_000_000_000L);
	}

	/** A county code under the test city that no other test uses, most likely. */
	static String randomCounty() {
		return "9801" + String.format("%02d", ThreadLocalRandom.current().nextInt(10, 100)) + "000000";
	}

	/** A county other than {@code region}: two random ones are the same once in 90 draws. */
	static String otherCountyThan(String region) {
		String other = randomCounty();
		while (other.equals(region)) {
			other = randomCounty();
		}
		return other;
	}

	long messages(long orderId, String kind, String addressee) {
		return jdbc.sql("select count(*) from ntf_message where order_id = :o and addressee_kind = :k and addressee = :a")
			.param("o", orderId).param("k", kind).param("a", addressee).query(Long.class).single();
	}

	long messages(long orderId) {
		return jdbc.sql("select count(*) from ntf_message where order_id = :o").param("o", orderId).query(Long.class)
			.single();
	}

	static List<Long> ids(List<NoticeView> views) {
		return views.stream().map(NoticeView::id).toList();
	}
}
