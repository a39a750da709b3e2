package org.hcp.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hcp.security.Caller;
import org.hcp.shared.Bilingual;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives a national envelope from a lower platform (domain §11, ADR 0031). The envelope is checked as a whole —
 * its shape, the sender (an enabled LOWER peer), its time (within the window), its signature (per the peer's sign
 * mode), a replay — and refused as a whole; then each record is decrypted and handed to its intake, lists in the
 * order service → evaluate → rectification → appeal, as the peer: a PLATFORM limited to the peer's region, so that
 * a record of another region is refused on its own (OUT_OF_SCOPE) by the same rule as for an API key.
 */
@Service
class NationalIntake {

	private static final Logger log = LoggerFactory.getLogger(NationalIntake.class);

	private final Peers peers;
	private final OwnKeys keys;
	private final ReplayGuard replays;
	private final ServiceRecordIntake services;
	private final EvaluationRecordIntake evaluations;
	private final RectificationRecordIntake rectifications;
	private final AppealRecordIntake appeals;
	private final ExchangeProperties properties;
	private final JsonMapper json;
	private final Clock clock;

	NationalIntake(Peers peers, OwnKeys keys, ReplayGuard replays, ServiceRecordIntake services,
			EvaluationRecordIntake evaluations, RectificationRecordIntake rectifications, AppealRecordIntake appeals,
			ExchangeProperties properties, JsonMapper json, Clock clock) {
		this.peers = peers;
		this.keys = keys;
		this.replays = replays;
		this.services = services;
		this.evaluations = evaluations;
		this.rectifications = rectifications;
		this.appeals = appeals;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/** Whether a body is a national envelope with records ({@code txnBodyCom.params}), not a wrapped plain record. */
	static boolean isEnvelope(JsonNode body) {
		return body != null && body.isObject() && body.path("txnBodyCom").isObject()
				&& body.path("txnBodyCom").has("params");
	}

	/** The envelope's records, each answered; a refused envelope throws (nothing is stored then). */
	List<NationalResult> receive(JsonNode body) {
		NationalEnvelope.Sealed sealed = NationalEnvelope.parse(body);
		Peer peer = peers.enabledLower(sealed.appMark()).orElseThrow(() -> refusal(HttpStatus.UNAUTHORIZED,
				"UNKNOWN_APP", "appMark 不是已登记并启用的下级平台", "appMark is not a registered, enabled lower platform"));
		Instant sent = NationalEnvelope.timeOf(sealed);
		Instant now = clock.instant();
		if (!new ReplayWindow(properties.intake().window()).inTime(sent, now)) {
			throw refusal(HttpStatus.UNAUTHORIZED, "STALE_TIME", "time 与本平台时间相差超过 " + properties.intake().window(),
					"time is further than " + properties.intake().window() + " from our clock");
		}
		List<String> ourKeys = keys.usablePrivateKeys();
		if (!NationalEnvelope.signatureValid(sealed, peer.signMode(), peer.secret(), peer.publicKeysAt(now), ourKeys)) {
			throw refusal(HttpStatus.UNAUTHORIZED, "BAD_SIGN", "签名校验失败", "The signature does not verify");
		}
		if (!replays.firstTime(peer.appId(), sealed.sign(), now)) {
			throw refusal(HttpStatus.CONFLICT, "REPLAYED", "该请求已处理过（重放）", "This request was received before (a replay)");
		}
		Caller asPeer = Caller.peerPlatform(peer.appId(), new RegionCode(peer.regionCode()));
		List<NationalResult> results = asPeer.run(() -> intake(sealed, peer, ourKeys));
		log.info("National envelope from {}: {} records, {} accepted", peer.appId(), results.size(),
				results.stream().filter(r -> r.status().equals("accepted")).count());
		return results;
	}

	private List<NationalResult> intake(NationalEnvelope.Sealed sealed, Peer peer, List<String> ourKeys) {
		List<NationalResult> results = new ArrayList<>();
		for (RecordKind kind : RecordKind.values()) {
			List<String> ciphertexts = sealed.records().getOrDefault(kind, List.of());
			if (ciphertexts.isEmpty()) {
				continue;
			}
			NationalResult[] answers = new NationalResult[ciphertexts.size()];
			List<JsonNode> nodes = new ArrayList<>();
			List<Integer> positions = new ArrayList<>();
			// SM2 decryption (a scalar multiplication per record) dominates the cost of a batch and needs nothing of
			// the caller: the records are decrypted in parallel, as the push encrypts them; they are taken in order
			List<String> plains = ciphertexts.parallelStream().map(c -> decrypt(c, ourKeys)).toList();
			for (int i = 0; i < ciphertexts.size(); i++) {
				String plain = plains.get(i);
				if (plain == null) {
					answers[i] = NationalResult.rejected(kind, i, "UNDECRYPTABLE", Bilingual.of(
							"记录无法用本平台私钥解密（是否用了本平台当前公钥加密？）",
							"The record cannot be decrypted with our private key (was it encrypted for our current public key?)"));
					continue;
				}
				JsonNode node = parse(plain);
				if (node == null) {
					answers[i] = NationalResult.rejected(kind, i, "BAD_RECORD",
							Bilingual.of("解密后的记录不是 JSON 对象", "The decrypted record is not a JSON object"));
					continue;
				}
				nodes.add(node);
				positions.add(i);
			}
			if (!nodes.isEmpty()) {
				List<RecordResult> taken = intake(kind, nodes, peer.appId());
				for (int k = 0; k < taken.size(); k++) {
					answers[positions.get(k)] = NationalResult.of(kind, positions.get(k), taken.get(k));
				}
			}
			results.addAll(List.of(answers));
		}
		return results;
	}

	private List<RecordResult> intake(RecordKind kind, List<JsonNode> nodes, String appId) {
		return switch (kind) {
			case SERVICE -> services.intake(nodes);
			case EVALUATE -> evaluations.intake(nodes, appId);
			case RECTIFICATION -> rectifications.intake(nodes, appId);
			case APPEAL -> appeals.intake(nodes, appId);
		};
	}

	private static String decrypt(String ciphertext, List<String> ourKeys) {
		for (String key : ourKeys) {
			try {
				return Sm2.decrypt(key, ciphertext);
			}
			catch (Sm2.Sm2Exception e) {
				// not encrypted for this key: try the next
			}
		}
		return null;
	}

	private JsonNode parse(String plain) {
		try {
			JsonNode node = json.readTree(plain);
			return node != null && node.isObject() ? node : null;
		}
		catch (JacksonException e) {
			return null;
		}
	}

	private static HcpException refusal(HttpStatus status, String code, String zh, String en) {
		return new HcpException(status, code, Bilingual.of(zh, en), List.of());
	}
}
