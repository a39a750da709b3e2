package org.hcp.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the security chain tells the operators, and what it does not cost them.
 * <p>
 * No Micrometer observation around the security filter chain, its filters, authentication or authorization.
 * Switching them off by name ({@code management.observations.enable.spring.security=false}) still wrapped every
 * filter of every request in a decorator that asked whether to observe (visible at the top of the bench profile);
 * this setting makes Spring Security build the plain chain. See docs/benchmarks.md.
 * <p>
 * Failed sign-ins of people and the lock-outs they cause are logged here: the login name, the reason and the
 * client address, never a password.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

	private static final Logger log = LoggerFactory.getLogger(SecurityObservations.class);

	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@EventListener
	void signInFailed(AbstractAuthenticationFailureEvent failure) {
		Object details = failure.getAuthentication().getDetails();
		String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "?";
		log.info("Sign-in refused for login '{}' from {}: {}", printable(failure.getAuthentication().getName()), address,
				failure.getException().getClass().getSimpleName());
	}

	@EventListener
	void accountLocked(SignIn.AccountLocked locked) {
		log.warn("Account {} ('{}') locked until {} after repeated wrong passwords", locked.userId(), locked.login(),
				locked.until());
	}

	/** A login name as typed, made safe for one log line (no line breaks, bounded length). */
	private static String printable(String login) {
		if (login == null) {
			return "";
		}
		String safe = login.replaceAll("\\p{Cntrl}", "?");
		return safe.length() > 64 ? safe.substring(0, 64) + "…" : safe;
	}
}
