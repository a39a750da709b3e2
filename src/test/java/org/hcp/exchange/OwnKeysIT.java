package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hcp.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/** Our own SM2 key pairs (ADR 0031): published, rotated with an overlap, never shown. */
class OwnKeysIT extends NationalFixtures {

	@Autowired
	OwnKeys keys;

	@Test
	void our_public_key_is_published_and_is_an_sm2_point() {
		Http.Reply reply = anonymous.get("/api/exchange/v1/public-key");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("algorithm").asString()).isEqualTo("SM2");
		assertThat(Sm2.isPublicKey(reply.json().path("publicKey").asString())).isTrue();
		assertThat(reply.json().path("appId").asString()).isNotBlank();
	}

	@Test
	void the_key_pair_is_kept_and_its_private_key_is_stored_encrypted() {
		String publicKey = ourPublicKey();
		assertThat(ourPublicKey()).isEqualTo(publicKey);
		byte[] stored = jdbc.sql("select private_key_enc from xch_own_key where public_key = :p").param("p", publicKey)
			.query(byte[].class).single();
		String privateKey = keys.current().privateKey();
		assertThat(Sm2.publicKeyOf(privateKey)).isEqualTo(publicKey);
		assertThat(org.bouncycastle.util.encoders.Hex.toHexString(stored)).doesNotContain(privateKey);
	}

	@Test
	void a_record_for_the_old_key_still_decrypts_within_the_overlap_and_is_refused_after() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_ENCRYPT);
		String oldKey = ourPublicKey();
		Http.Reply rotated = admin.post("/api/v1/admin/exchange/keys/rotate", null);
		assertThat(rotated.status()).isEqualTo(200);
		assertThat(rotated.json().path("createdBy").asString()).isNotBlank();
		JsonNode published = anonymous.get("/api/exchange/v1/public-key").json();
		assertThat(published.path("publicKey").asString()).isNotEqualTo(oldKey);
		assertThat(published.path("previousPublicKey").asString()).isEqualTo(oldKey);

		String within = unique("P");
		Http.Reply inOverlap = push(sealedFor(lower, oldKey, within));
		assertThat(inOverlap.status()).as(inOverlap.toString()).isEqualTo(200);
		assertThat(inOverlap.json().path("C-Response-Body").path("accepted").asInt()).isEqualTo(1);

		jdbc.sql("update xch_own_key set usable_until = now() - interval '1 second' where public_key = :p")
			.param("p", oldKey).update();
		String after = unique("P");
		Http.Reply afterOverlap = push(sealedFor(lower, oldKey, after));
		// the vendor signature was encrypted for the old key as well: the envelope itself no longer verifies
		assertThat(afterOverlap.status()).isEqualTo(401);
		assertThat(afterOverlap.json().path("code").asString()).isEqualTo("BAD_SIGN");
		assertThat(storedCases(within)).isEqualTo(1);
		assertThat(storedCases(after)).isZero();
		assertThat(admin.get("/api/v1/admin/exchange/keys").json().findValuesAsString("state")).contains("CURRENT", "RETIRED");
	}

	@Test
	void a_record_for_a_retired_key_in_a_valid_envelope_is_undecryptable() {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_ENCRYPT);
		String retired = Sm2.generate().publicKey();
		var envelope = envelope(lower, Map.of(RecordKind.SERVICE, List.of(serviceRecord("980101", unique("P"), 1))));
		((tools.jackson.databind.node.ArrayNode) envelope.path("txnBodyCom").path("params").path("service")).set(0,
				Sm2.encrypt(retired, JSON.writeValueAsString(serviceRecord("980101", unique("P"), 1))));
		Http.Reply reply = push(envelope);
		assertThat(reply.json().path("C-Response-Body").path("results").get(0).path("code").asString())
			.isEqualTo("UNDECRYPTABLE");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void private_keys_appear_in_no_response_and_no_log(CapturedOutput output) {
		LowerPlatform lower = lowerPlatform(SignMode.SM2_SIGN);
		List<Http.Reply> replies = new ArrayList<>();
		replies.add(admin.post("/api/v1/admin/exchange/keys/rotate", null));
		replies.add(admin.get("/api/v1/admin/exchange/keys"));
		replies.add(anonymous.get("/api/exchange/v1/public-key"));
		replies.add(push(envelope(lower, Map.of(RecordKind.SERVICE, List.of(serviceRecord("980101", unique("P"), 1))))));
		replies.add(admin.get("/api/v1/admin/exchange/peers"));
		replies.add(admin.get("/v3/api-docs"));
		List<String> privateKeys = keys.usablePrivateKeys();
		assertThat(privateKeys).hasSizeGreaterThanOrEqualTo(2);
		for (String privateKey : privateKeys) {
			for (Http.Reply reply : replies) {
				assertThat(reply.text()).doesNotContainIgnoringCase(privateKey);
			}
			assertThat(output.getAll()).doesNotContainIgnoringCase(privateKey);
			assertThat(keys.current().toString()).doesNotContain(privateKey);
		}
		assertThat(output.getAll()).contains("rotated");
	}

	/** An envelope sealed for a given public key of ours (its signature too). */
	private tools.jackson.databind.node.ObjectNode sealedFor(LowerPlatform lower, String ourKey, String projectNo) {
		return NationalEnvelope.seal(lower.appId(), lower.secret(), lower.mode(), lower.keys().privateKey(), ourKey,
				java.time.Instant.now(), Map.of(RecordKind.SERVICE,
						List.of(JSON.writeValueAsString(serviceRecord("980101", projectNo, 1)))));
	}
}
