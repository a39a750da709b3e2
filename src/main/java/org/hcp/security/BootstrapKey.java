package org.hcp.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Makes the configured bootstrap key an admin key at start, so that a fresh installation can be administered. A
 * bootstrap key that an administrator revoked stays revoked: rotating it means configuring a new value, restarting,
 * and revoking the old key by its id.
 */
@Component
class BootstrapKey {

	private static final Logger log = LoggerFactory.getLogger(BootstrapKey.class);

	private final ApiKeys keys;
	private final SecurityProperties properties;

	BootstrapKey(ApiKeys keys, SecurityProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@EventListener(ApplicationStartedEvent.class)
	void ensureBootstrapKey() {
		if (!StringUtils.hasText(properties.bootstrapApiKey())) {
			return;
		}
		if (keys.ensure("bootstrap", Role.ADMIN, properties.bootstrapApiKey().trim())) {
			log.info("Bootstrap admin API key is active (configured by HCP_BOOTSTRAP_API_KEY)");
		}
		else {
			log.warn("HCP_BOOTSTRAP_API_KEY names a key that was revoked; it stays revoked and is refused. "
					+ "Set a new value (or remove the variable) to stop this warning.");
		}
	}
}
