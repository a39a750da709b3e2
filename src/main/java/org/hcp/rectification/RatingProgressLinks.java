package org.hcp.rectification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hcp.privacy.PersonalData;
import org.hcp.privacy.Sm3;
import org.springframework.stereotype.Component;

/**
 * The link a rater gets on the thank-you page, before any reply exists: {@code /r/e{evaluationId}.{mac}}, the mac
 * being 128 bits of HMAC-SM3 over the rating's id with a key derived for this purpose — unguessable for another
 * rating, and nothing stored. The reply SMS's own links (43 base64url characters, {@link StatusLinks}) never contain
 * a dot, so the two kinds cannot be mistaken for each other.
 */
@Component
class RatingProgressLinks {

	private static final Pattern LINK = Pattern.compile("e([0-9]{1,18})\\.([A-Za-z0-9_-]{22})");

	private final byte[] key;

	RatingProgressLinks(PersonalData personal) {
		this.key = personal.derivedKey("hcp/rating-progress-links");
	}

	String of(long evaluationId) {
		return "e" + evaluationId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(evaluationId));
	}

	/** The rating the link names, when the link is one of ours. */
	OptionalLong evaluationOf(String link) {
		Matcher m = link == null ? null : LINK.matcher(link);
		if (m == null || !m.matches()) {
			return OptionalLong.empty();
		}
		long id;
		try {
			id = Long.parseLong(m.group(1));
		}
		catch (NumberFormatException e) {
			return OptionalLong.empty();
		}
		byte[] given = Base64.getUrlDecoder().decode(m.group(2));
		return MessageDigest.isEqual(given, mac(id)) ? OptionalLong.of(id) : OptionalLong.empty();
	}

	static boolean looksLike(String link) {
		return link != null && LINK.matcher(link).matches();
	}

	private byte[] mac(long evaluationId) {
		return Arrays.copyOf(Sm3.hmac(key, ("evaluation:" + evaluationId).getBytes(StandardCharsets.US_ASCII)), 16);
	}
}
