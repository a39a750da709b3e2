package org.hcp.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import org.hcp.privacy.PersonalData;
import org.hcp.privacy.Sm3;
import org.hcp.shared.Bilingual;
import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import tools.jackson.databind.json.JsonMapper;

/** Issues and checks binding tokens: base64url(JSON payload) "." base64url(HMAC-SM3 of the payload). */
@Component
class BindingTokens {

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private final byte[] key;
	private final JsonMapper json;
	private final Clock clock;
	private final TokenProperties properties;
	private final SecureRandom random = new SecureRandom();

	BindingTokens(TokenProperties properties, PersonalData personal, JsonMapper json, Clock clock) {
		this.key = StringUtils.hasText(properties.secret()) ? properties.secret().getBytes(StandardCharsets.UTF_8)
				: personal.derivedKey("hcp/binding-tokens");
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	BindingToken device(String caseNo, int serviceNo, String windowCode, String staffNo, String deviceId) {
		return new BindingToken(BindingToken.Kind.DEVICE, caseNo, serviceNo, windowCode, staffNo, deviceId,
				clock.instant().plus(properties.deviceValidFor()), nonce());
	}

	BindingToken kiosk(String caseNo, int serviceNo, String windowCode, String staffNo, String deviceId) {
		return new BindingToken(BindingToken.Kind.KIOSK, caseNo, serviceNo, windowCode, staffNo, deviceId,
				clock.instant().plus(properties.deviceValidFor()), nonce());
	}

	/** The receipt's token: opened from the case's short link each time, so it lives as long as a QR token. */
	BindingToken caseReceipt(String caseNo) {
		return new BindingToken(BindingToken.Kind.CASE, caseNo, null, null, null, null,
				clock.instant().plus(properties.qrValidFor()), nonce());
	}

	BindingToken qr(String windowCode, String staffNo) {
		return new BindingToken(BindingToken.Kind.QR, null, null, windowCode, staffNo, null,
				clock.instant().plus(properties.qrValidFor()), nonce());
	}

	String sign(BindingToken token) {
		String payload = B64.encodeToString(json.writeValueAsBytes(token));
		return payload + "." + B64.encodeToString(mac(payload));
	}

	/** The token's claims if its signature holds and it has not expired; 401 otherwise. */
	BindingToken verify(String token) {
		if (token == null || token.isBlank()) {
			throw refused("TOKEN_REQUIRED", "缺少评价令牌", "A binding token is required");
		}
		int dot = token.indexOf('.');
		if (dot <= 0) {
			throw refused("BAD_TOKEN", "评价令牌格式不正确", "The binding token is malformed");
		}
		String payload = token.substring(0, dot);
		byte[] signature;
		try {
			signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException e) {
			throw refused("BAD_TOKEN", "评价令牌格式不正确", "The binding token is malformed");
		}
		if (!MessageDigest.isEqual(signature, mac(payload))) {
			throw refused("BAD_TOKEN", "评价令牌签名无效", "The binding token's signature is not valid");
		}
		BindingToken claims = json.readValue(Base64.getUrlDecoder().decode(payload), BindingToken.class);
		if (!clock.instant().isBefore(claims.expiresAt())) {
			throw refused("TOKEN_EXPIRED", "评价令牌已过期，请重新扫码或在评价器上重新发起", "The binding token has expired");
		}
		return claims;
	}

	private byte[] mac(String payload) {
		return Sm3.hmac(key, payload.getBytes(StandardCharsets.US_ASCII));
	}

	private String nonce() {
		byte[] n = new byte[8];
		random.nextBytes(n);
		return HexFormat.of().formatHex(n);
	}

	private static HcpException refused(String code, String zh, String en) {
		return new HcpException(HttpStatus.UNAUTHORIZED, code, Bilingual.of(zh, en),
				java.util.List.of(org.hcp.shared.FieldProblem.of("token", zh, en)));
	}
}
