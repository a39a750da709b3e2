package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.hcp.support.Http;
import org.junit.jupiter.api.Test;

/** The peer registry 对接平台 for administrators (ADR 0031). */
class PeerRegistryIT extends NationalFixtures {

	@Test
	void the_peer_api_never_returns_the_secret_and_stores_it_encrypted() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_ENCRYPT);
		Http.Reply one = admin.get("/api/v1/admin/exchange/peers/" + lower.appId());
		Http.Reply list = admin.get("/api/v1/admin/exchange/peers");
		Map<String, Object> body = peerBody(lower.appId(), "LOWER", lower.keys().publicKey(), null, "SM2_ENCRYPT", null);
		Http.Reply updated = admin.put("/api/v1/admin/exchange/peers/" + lower.appId(), body);
		for (Http.Reply reply : List.of(one, list, updated)) {
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.text()).doesNotContain(lower.secret());
		}
		assertThat(one.json().path("hasSecret").asBoolean()).isTrue();
		assertThat(one.json().has("secret")).isFalse();
		assertThat(one.json().path("createdBy").asString()).isNotBlank();
		byte[] stored = jdbc.sql("select secret_enc from xch_peer where app_id = :a").param("a", lower.appId())
			.query(byte[].class).single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(lower.secret());
		// an update without a secret keeps the stored one: the peer still signs with it
		String projectNo = unique("P");
		Http.Reply pushed = push(envelope(lower, Map.of(RecordKind.SERVICE, List.of(serviceRecord("980101", projectNo, 1)))));
		assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
	}

	@Test
	void peer_validation_names_every_wrong_field() {
		Map<String, Object> body = peerBody(unique("BAD"), "UPPER", "04" + "ab".repeat(64), "short", "SM2_MAYBE", null);
		body.put("regionCode", "980199000000");
		Http.Reply reply = admin.post("/api/v1/admin/exchange/peers", body);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().path("code").asString()).isEqualTo("INVALID_PEER");
		assertThat(reply.errorFields()).containsExactlyInAnyOrder("publicKey", "secret", "signMode", "endpoint", "regionCode");
		assertThat(admin.get("/api/v1/admin/exchange/peers/" + body.get("appId")).status()).isEqualTo(404);
	}

	@Test
	void a_field_of_the_wrong_type_is_named() {
		Map<String, Object> body = peerBody(unique("BAD"), "LOWER", Sm2.generate().publicKey(), "secret-123", "SM2_SIGN", null);
		body.put("enabled", "yes");
		Http.Reply reply = admin.post("/api/v1/admin/exchange/peers", body);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("enabled");
	}

	@Test
	void a_registered_app_id_cannot_be_registered_again() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_ENCRYPT);
		Http.Reply again = admin.post("/api/v1/admin/exchange/peers",
				peerBody(lower.appId(), "LOWER", Sm2.generate().publicKey(), "secret-123", "SM2_SIGN", null));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("code").asString()).isEqualTo("PEER_EXISTS");
	}

	@Test
	void at_most_one_upper_platform_is_enabled() {
		String a = unique("UPA");
		String b = unique("UPB");
		for (String appId : List.of(a, b)) {
			Map<String, Object> body = peerBody(appId, "UPPER", Sm2.generate().publicKey(), "secret-123", "SM2_SIGN",
					"https://city.example/api/exchange/v1/national");
			body.put("enabled", false);
			assertThat(admin.post("/api/v1/admin/exchange/peers", body).status()).isEqualTo(201);
		}
		boolean another = jdbc.sql("select count(*) from xch_peer where direction = 'UPPER' and enabled")
			.query(Integer.class).single() > 0;
		try {
			if (!another) {
				assertThat(admin.put("/api/v1/admin/exchange/peers/" + a, enabledUpper(a)).status()).isEqualTo(200);
			}
			Http.Reply second = admin.put("/api/v1/admin/exchange/peers/" + b, enabledUpper(b));
			assertThat(second.status()).isEqualTo(409);
			assertThat(second.json().path("code").asString()).isEqualTo("UPPER_EXISTS");
			assertThat(admin.get("/api/v1/admin/exchange/peers/" + b).json().path("enabled").asBoolean()).isFalse();
		}
		finally {
			Map<String, Object> off = enabledUpper(a);
			off.put("enabled", false);
			admin.put("/api/v1/admin/exchange/peers/" + a, off);
		}
	}

	private Map<String, Object> enabledUpper(String appId) {
		String key = admin.get("/api/v1/admin/exchange/peers/" + appId).json().path("publicKey").asString();
		Map<String, Object> body = peerBody(appId, "UPPER", key, null, "SM2_SIGN", "https://city.example/api/exchange/v1/national");
		body.put("enabled", true);
		return body;
	}

	@Test
	void a_new_peer_public_key_keeps_the_old_one_usable_during_the_overlap() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_SIGN);
		Sm2.KeyPair next = Sm2.generate();
		Map<String, Object> body = peerBody(lower.appId(), "LOWER", next.publicKey(), null, "SM2_SIGN", null);
		Http.Reply changed = admin.put("/api/v1/admin/exchange/peers/" + lower.appId(), body);
		assertThat(changed.json().path("previousPublicKey").asString()).isEqualTo(lower.keys().publicKey());
		assertThat(changed.json().path("previousKeyUntil").asString()).isNotBlank();
		Http.Reply old = push(envelope(lower, Map.of(RecordKind.SERVICE, List.of(serviceRecord("980101", unique("P"), 1)))));
		assertThat(old.status()).as(old.toString()).isEqualTo(200);
		LowerPlatform rotated = new LowerPlatform(lower.appId(), lower.secret(), next, SignMode.SM2_SIGN);
		assertThat(push(envelope(rotated, Map.of(RecordKind.SERVICE, List.of(serviceRecord("980101", unique("P"), 1)))))
			.status()).isEqualTo(200);
		jdbc.sql("update xch_peer set previous_key_until = now() - interval '1 second' where app_id = :a")
			.param("a", lower.appId()).update();
		Http.Reply afterOverlap = push(envelope(lower, Map.of(RecordKind.SERVICE, List.of(serviceRecord("980101", unique("P"), 1)))));
		assertThat(afterOverlap.json().path("code").asString()).isEqualTo("BAD_SIGN");
	}
}
