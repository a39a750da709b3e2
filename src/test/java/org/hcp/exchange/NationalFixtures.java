package org.hcp.exchange;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A lower platform registered as a peer of the test county, and envelopes it seals for us. */
abstract class NationalFixtures extends ServiceFixtures {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** A lower platform as the test plays it: its app id, secret and key pair. */
	record LowerPlatform(String appId, String secret, Sm2.KeyPair keys, SignMode mode) {
	}

	/** Registers a lower platform of the test county with a fresh key pair and secret. */
	LowerPlatform lowerPlatform(SignMode mode) {
		county();
		LowerPlatform lower = new LowerPlatform(unique("LOW"), unique("secret-"), Sm2.generate(), mode);
		Http.Reply reply = admin.post("/api/v1/admin/exchange/peers", peerBody(lower.appId(), "LOWER", lower.keys().publicKey(),
				lower.secret(), mode.name(), null));
		if (reply.status() != 201) {
			throw new IllegalStateException("peer not registered: " + reply);
		}
		return lower;
	}

	static Map<String, Object> peerBody(String appId, String direction, String publicKey, String secret, String signMode,
			String endpoint) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("appId", appId);
		body.put("name", "测试县平台");
		body.put("direction", direction);
		body.put("regionCode", COUNTY);
		body.put("publicKey", publicKey);
		body.put("secret", secret);
		body.put("signMode", signMode);
		if (endpoint != null) {
			body.put("endpoint", endpoint);
		}
		return body;
	}

	/** Our current public key, as a lower platform reads it. */
	String ourPublicKey() {
		return anonymous.get("/api/exchange/v1/public-key").json().path("publicKey").asString();
	}

	/** An envelope sealed now by the lower platform for our current public key. */
	ObjectNode envelope(LowerPlatform from, Map<RecordKind, List<Object>> records) {
		return envelope(from, Instant.now(), records);
	}

	ObjectNode envelope(LowerPlatform from, Instant at, Map<RecordKind, List<Object>> records) {
		Map<RecordKind, List<String>> plain = new EnumMap<>(RecordKind.class);
		records.forEach((kind, list) -> plain.put(kind,
				list.stream().map(r -> r instanceof String s ? s : JSON.writeValueAsString(r)).toList()));
		return NationalEnvelope.seal(from.appId(), from.secret(), from.mode(), from.keys().privateKey(), ourPublicKey(), at,
				plain);
	}

	Http.Reply push(ObjectNode envelope) {
		return anonymous.post("/api/exchange/v1/national", envelope);
	}

	int storedCases(String caseNo) {
		return jdbc.sql("select count(*) from cas_case where case_no = :c").param("c", caseNo).query(Integer.class).single();
	}
}
