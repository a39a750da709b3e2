package org.hcp.privacy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * {@code java -jar} without a personal-data key: one paragraph saying what is missing and how to make a key, instead
 * of a hundred lines of bean-creation stack trace.
 */
class PrivacyKeyMissingAnalyzer extends AbstractFailureAnalyzer<PrivacyKeyMissing> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PrivacyKeyMissing cause) {
		return new FailureAnalysis("""
				No personal-data key is configured. Mobile numbers and ID numbers are stored encrypted (SM4) with a key \
				derived from it, so the platform does not start without one. Set HCP_PRIVACY_KEY to base64 of 32 \
				random bytes, or HCP_PRIVACY_KEY_FILE to a file holding it.""", """
				Generate a key and keep it safe (data stored under it cannot be read without it):
				    export HCP_PRIVACY_KEY="$(openssl rand -base64 32)"
				  or without openssl:
				    export HCP_PRIVACY_KEY="$(head -c 32 /dev/urandom | base64)"
				  or with the JDK only:
				    echo 'System.out.println(java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32)))' | jshell -q -
				To try the platform instead, start it with --spring.profiles.active=demo: it generates a key under ./data \
				and loads demo data.""", cause);
	}
}
