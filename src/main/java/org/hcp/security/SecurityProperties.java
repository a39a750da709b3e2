package org.hcp.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bootstrapApiKey when set (HCP_BOOTSTRAP_API_KEY), this key exists with admin rights at start-up
 */
@ConfigurationProperties("hcp.security")
public record SecurityProperties(String bootstrapApiKey) {
}
