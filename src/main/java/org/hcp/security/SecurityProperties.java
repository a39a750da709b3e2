package org.hcp.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bootstrapApiKey when set (HCP_BOOTSTRAP_API_KEY), this key exists with admin rights at start-up
 * @param lockout how many wrong passwords in a row lock a person's account, and for how long
 * @param password the minimum a person's password must meet
 */
@ConfigurationProperties("hcp.security")
public record SecurityProperties(String bootstrapApiKey, @DefaultValue Lockout lockout, @DefaultValue Password password) {

	/**
	 * @param maxFailures wrong passwords in a row that lock the account (form login and HTTP Basic alike)
	 * @param lockFor how long a locked account refuses every sign-in, even with the right password
	 */
	public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockFor) {
	}

	/** @param minLength the fewest characters a password may have */
	public record Password(@DefaultValue("10") int minLength) {
	}
}
