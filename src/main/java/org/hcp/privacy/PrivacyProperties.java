package org.hcp.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key base64 of at least 32 random bytes; the encryption and look-up keys are derived from it
 * @param keyFile where a generated key is kept when {@code generate-key} is on (the demo profile)
 * @param generateKey create {@code key-file} with a fresh key if it does not exist yet
 */
@ConfigurationProperties("hcp.privacy")
public record PrivacyProperties(String key, String keyFile, boolean generateKey) {
}
