package org.hcp.privacy;

/** Thrown at start when no personal-data key is configured; {@link PrivacyKeyMissingAnalyzer} explains the fix. */
class PrivacyKeyMissing extends IllegalStateException {

	PrivacyKeyMissing() {
		super("No personal-data key: set HCP_PRIVACY_KEY (base64 of 32 random bytes) or HCP_PRIVACY_KEY_FILE, "
				+ "or run with the demo profile which generates one");
	}
}
