package org.hcp.rectification;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rater's status link {@code /r/{token}}: 32 random bytes (256 bits, unguessable), base64url. Only the SHA-256
 * of the token is stored, so the table alone opens no status page.
 */
@Component
class StatusLinks {

	private static final Logger log = LoggerFactory.getLogger(StatusLinks.class);

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final SecureRandom random = new SecureRandom();
	private final String base;

	StatusLinks(RectificationProperties properties) {
		String b = properties.statusLinkBase() == null ? "" : properties.statusLinkBase().strip();
		this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
		if (base.isEmpty()) {
			log.warn("hcp.rectification.status-link-base (HCP_PUBLIC_BASE_URL) is not set: the reply SMS carries a relative"
					+ " status link /r/… that a rater's phone cannot open; set it to the address raters reach this server at");
		}
	}

	record Issued(String token, byte[] hash, String url) {
	}

	Issued issue() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new Issued(token, hash(token), base + "/r/" + token);
	}

	byte[] hash(String token) {
		return OrderRecords.sha256(token.getBytes(StandardCharsets.US_ASCII));
	}

	static boolean wellFormed(String token) {
		return token != null && TOKEN.matcher(token).matches();
	}
}
