package org.hcp.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Makes the configured bootstrap key an admin key at every start, so a fresh installation can be administered. */
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
		if (StringUtils.hasText(properties.bootstrapApiKey())) {
			keys.ensure("bootstrap", Role.ADMIN, properties.bootstrapApiKey().trim());
			log.info("Bootstrap admin API key is active (configured by HCP_BOOTSTRAP_API_KEY)");
		}
	}
}
