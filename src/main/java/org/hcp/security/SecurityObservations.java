package org.hcp.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observation around the security filter chain, its filters, authentication or authorization.
 * Switching them off by name ({@code management.observations.enable.spring.security=false}) still wrapped every
 * filter of every request in a decorator that asked whether to observe (visible at the top of the bench profile);
 * this setting makes Spring Security build the plain chain. See docs/benchmarks.md.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}
}
