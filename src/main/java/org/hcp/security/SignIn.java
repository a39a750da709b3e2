package org.hcp.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A person signs in with login name and password — on the sign-in page or with HTTP Basic on the API, the same
 * rules either way. The answer's principal is a {@link Caller} with an authority {@code ROLE_<role>} per role; its
 * details carry the account's stamp, so that a session ends when the account is disabled or its password reset.
 * <p>
 * Order of the checks: an unknown login costs a password hash all the same (no timing hint); a locked account is
 * refused before its password is looked at ({@link LockoutPolicy}); a wrong password counts towards the lock; only
 * with the right password does a disabled account learn that it is disabled.
 */
@Component
class SignIn implements AuthenticationProvider {

	private final AccountStore store;
	private final PasswordEncoder encoder;
	private final LockoutPolicy lockout;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final String timingHash;

	SignIn(AccountStore store, PasswordEncoder encoder, LockoutPolicy lockout, Clock clock,
			ApplicationEventPublisher events) {
		this.store = store;
		this.encoder = encoder;
		this.lockout = lockout;
		this.clock = clock;
		this.events = events;
		this.timingHash = encoder.encode("no such account, same cost");
	}

	/** What a session or request remembers of the sign-in besides the caller. */
	record Details(int stamp, String displayName) implements java.io.Serializable {
	}

	/** An account was just locked by wrong passwords (logged by {@link SecurityObservations}). */
	record AccountLocked(long userId, String login, Instant until) {
	}

	@Override
	public Authentication authenticate(Authentication request) {
		String login = request.getName() == null ? "" : request.getName().trim();
		String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
		Instant now = clock.instant();
		Optional<Account> found = login.isEmpty() || login.length() > 64 ? Optional.empty() : store.byLogin(login);
		if (found.isEmpty()) {
			encoder.matches(password, timingHash);
			throw new BadCredentialsException("Bad credentials");
		}
		Account account = found.get();
		if (lockout.isLocked(account.lockedUntil(), now)) {
			throw new LockedException("Locked until " + account.lockedUntil());
		}
		if (!encoder.matches(password, account.passwordHash())) {
			Optional<Instant> locked = store.recordFailure(account.id(), lockout.maxFailures(), now, lockout.lockEnds(now));
			if (locked.isPresent()) {
				events.publishEvent(new AccountLocked(account.id(), account.login(), locked.get()));
				throw new LockedException("Locked until " + locked.get());
			}
			throw new BadCredentialsException("Bad credentials");
		}
		if (!account.enabled()) {
			throw new DisabledException("Disabled");
		}
		store.recordSuccess(account.id());
		Caller caller = account.caller();
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(caller, null,
				caller.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
		signedIn.setDetails(new Details(account.stamp(), store.nameOf(account)));
		return signedIn;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
