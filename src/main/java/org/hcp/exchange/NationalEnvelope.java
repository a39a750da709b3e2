package org.hcp.exchange;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.hcp.shared.ChinaTime;
import org.hcp.shared.HcpException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The national-style envelope (domain §11, docs/interface-standard.md):
 * <pre>{"txnBodyCom": {"appMark", "time": "yyyyMMddHHmmss", "sign", "params": {"service": [..], "evaluate": [..],
 * "rectification": [..], "appeal": [..]}}, "txnCommCom": {}}</pre>
 * where every list element is one record's JSON, SM2-encrypted (C1C3C2, hex) for the receiver's public key. This
 * class seals and opens envelopes; who the peers are, which keys are ours and whether a request was seen before are
 * decided by the caller.
 */
public final class NationalEnvelope {

	/** {@code time}: Beijing time, to the second, no separators. */
	public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
			.withResolverStyle(ResolverStyle.STRICT);

	/** At most this many records in one envelope, all lists together. */
	public static final int MAX_RECORDS = 1000;

	private NationalEnvelope() {
	}

	/** An envelope as it arrived: well-formed, neither its signature checked nor its records decrypted. */
	public record Sealed(String appMark, String time, String sign, Map<RecordKind, List<String>> records) {

		/** How many records, all lists together. */
		public int size() {
			return records.values().stream().mapToInt(List::size).sum();
		}

		/** SM3 over all record ciphertexts in list order: what an {@link SignMode#SM2_SIGN} signature covers. */
		public String digest() {
			return digestOf(records);
		}

		/** The text an {@link SignMode#SM2_SIGN} signature is made over. */
		public String signedText() {
			return time + appMark + digest();
		}
	}

	/** Reads the envelope's shape; refuses (400, naming the field) what is not one. */
	public static Sealed parse(JsonNode body) {
		if (body == null || !body.isObject() || !body.path("txnBodyCom").isObject()) {
			throw bad("txnBodyCom", "请求体应为 {\"txnBodyCom\": {...}, \"txnCommCom\": {}}",
					"The body must be {\"txnBodyCom\": {...}, \"txnCommCom\": {}}");
		}
		JsonNode txn = body.get("txnBodyCom");
		String appMark = text(txn, "appMark", 64);
		String time = text(txn, "time", 14);
		String sign = text(txn, "sign", 4096);
		JsonNode params = txn.get("params");
		if (params == null || !params.isObject()) {
			throw bad("params", "params 应为对象，含 service、evaluate、rectification、appeal 记录列表",
					"params must be an object holding the lists service, evaluate, rectification, appeal");
		}
		Map<RecordKind, List<String>> records = new EnumMap<>(RecordKind.class);
		int total = 0;
		for (Iterator<String> names = params.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			RecordKind kind = RecordKind.ofList(name).orElseThrow(() -> bad("params." + name,
					"未知的记录列表：" + name, "Unknown record list: " + name));
			JsonNode list = params.get(name);
			if (!list.isArray()) {
				throw bad("params." + name, "记录列表应为数组", "A record list must be an array");
			}
			List<String> texts = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				JsonNode item = list.get(i);
				if (!item.isString() || item.asString().isEmpty()) {
					throw bad("params." + name + "[" + i + "]", "每条记录应为 SM2 密文（十六进制字符串）",
							"Every record must be an SM2 ciphertext (a hex string)");
				}
				texts.add(item.asString());
			}
			total += texts.size();
			records.put(kind, List.copyOf(texts));
		}
		if (total == 0) {
			throw bad("params", "没有记录", "The envelope holds no records");
		}
		if (total > MAX_RECORDS) {
			throw bad("params", "每个报文最多 " + MAX_RECORDS + " 条记录", "At most " + MAX_RECORDS + " records per envelope");
		}
		return new Sealed(appMark, time, sign, records);
	}

	/** The envelope's time; refuses one that is not {@code yyyyMMddHHmmss}. */
	public static Instant timeOf(Sealed sealed) {
		try {
			return LocalDateTime.parse(sealed.time(), TIME).atZone(ChinaTime.ZONE).toInstant();
		}
		catch (DateTimeParseException e) {
			throw bad("time", "time 应为北京时间 yyyyMMddHHmmss", "time must be Beijing time as yyyyMMddHHmmss");
		}
	}

	/**
	 * Whether the signature is right for this peer. {@code SM2_ENCRYPT}: one of our private keys (current or still in
	 * its overlap) decrypts it to {@code time + appMark + secret}. {@code SM2_SIGN}: one of the peer's public keys
	 * verifies it over {@link Sealed#signedText()}.
	 */
	public static boolean signatureValid(Sealed sealed, SignMode mode, String secret, Collection<String> peerPublicKeys,
			Collection<String> ourPrivateKeys) {
		if (mode == SignMode.SM2_ENCRYPT) {
			byte[] expected = (sealed.time() + sealed.appMark() + secret).getBytes(StandardCharsets.UTF_8);
			for (String key : ourPrivateKeys) {
				try {
					byte[] plain = Sm2.decrypt(key, sealed.sign()).getBytes(StandardCharsets.UTF_8);
					if (MessageDigest.isEqual(expected, plain)) {
						return true;
					}
				}
				catch (Sm2.Sm2Exception e) {
					// not this key: try the next
				}
			}
			return false;
		}
		String signed = sealed.signedText();
		return peerPublicKeys.stream().anyMatch(key -> Sm2.verify(key, signed, sealed.sign()));
	}

	/**
	 * Seals records for a receiver: every record encrypted for its public key, signed as the peer agreement says.
	 *
	 * @param records plain record JSON per list, in the order they are to be processed
	 * @param senderPrivateKey our private key, used only for {@link SignMode#SM2_SIGN}
	 */
	public static ObjectNode seal(String appMark, String secret, SignMode mode, String senderPrivateKey,
			String receiverPublicKey, Instant at, Map<RecordKind, List<String>> records) {
		String time = TIME.format(at.atZone(ChinaTime.ZONE));
		Map<RecordKind, List<String>> sealed = new EnumMap<>(RecordKind.class);
		records.forEach((kind, plain) -> {
			if (!plain.isEmpty()) {
				sealed.put(kind, plain.stream().map(p -> Sm2.encrypt(receiverPublicKey, p)).toList());
			}
		});
		String sign = mode == SignMode.SM2_ENCRYPT ? Sm2.encrypt(receiverPublicKey, time + appMark + secret)
				: Sm2.sign(senderPrivateKey, time + appMark + digestOf(sealed));
		return envelope(new Sealed(appMark, time, sign, sealed));
	}

	/** The JSON of an envelope. */
	public static ObjectNode envelope(Sealed sealed) {
		JsonNodeFactory f = JsonNodeFactory.instance;
		ObjectNode params = f.objectNode();
		sealed.records().forEach((kind, list) -> {
			ArrayNode array = params.putArray(kind.list());
			list.forEach(array::add);
		});
		ObjectNode txn = f.objectNode();
		txn.put("appMark", sealed.appMark());
		txn.put("time", sealed.time());
		txn.put("sign", sealed.sign());
		txn.set("params", params);
		ObjectNode root = f.objectNode();
		root.set("txnBodyCom", txn);
		root.set("txnCommCom", f.objectNode());
		return root;
	}

	private static String digestOf(Map<RecordKind, List<String>> records) {
		StringBuilder all = new StringBuilder();
		for (RecordKind kind : RecordKind.values()) {
			records.getOrDefault(kind, List.of()).forEach(all::append);
		}
		return Sm2.sm3Hex(all.toString());
	}

	private static String text(JsonNode txn, String field, int max) {
		JsonNode v = txn.get(field);
		if (v == null || !v.isString() || v.asString().isBlank()) {
			throw bad(field, field + " 必填，应为字符串", field + " is required and must be a string");
		}
		if (v.asString().length() > max) {
			throw bad(field, field + " 超长（最多 " + max + " 个字符）", field + " is too long (at most " + max + " characters)");
		}
		return v.asString();
	}

	private static HcpException bad(String field, String zh, String en) {
		return HcpException.badRequest(field, "BAD_ENVELOPE", zh, en);
	}
}
