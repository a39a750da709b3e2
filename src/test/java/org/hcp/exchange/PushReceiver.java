package org.hcp.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

import org.hcp.privacy.PersonalData;
import org.hcp.support.Http;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in upper platform on 127.0.0.1 for the push tests: it checks the envelope's sign (by default
 * {@code SM2_ENCRYPT}, counting bad ones; after {@link #verifySm2Sign} as {@code SM2_SIGN} with the sender's public
 * key, refusing a bad one with 401 BAD_SIGN), decrypts every record with its own test key pair, remembers what arrived
 * in order, and answers like the national endpoint, per record as the test decides (accepted unless told otherwise),
 * or fails the whole request.
 */
final class PushReceiver implements AutoCloseable {

	/** One record as it arrived: its list and its decrypted JSON. */
	record Received(String list, JsonNode record) {
	}

	/** A per-record answer: status, and for a rejection the code. */
	record Verdict(String status, String code) {

		static Verdict accepted() {
			return new Verdict("accepted", null);
		}
	}

	final Sm2.KeyPair keys = Sm2.generate();
	final String appMark;
	final String secret;
	private final HttpServer server;
	private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
	private volatile BiFunction<String, JsonNode, Verdict> verdicts = (list, record) -> Verdict.accepted();
	private volatile int wholeFailure;
	private volatile int badSigns;
	private volatile List<String> senderPublicKeys;

	PushReceiver(String appMark, String secret) throws IOException {
		this.appMark = appMark;
		this.secret = secret;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/api/exchange/v1/national", this::handle);
		server.start();
	}

	/**
	 * Registers this receiver as our enabled upper platform (as an administrator would, secret encrypted), for the
	 * city covering {@code region}'s first four digits.
	 */
	void registerAsUpper(JdbcClient jdbc, PersonalData personalData, String region, SignMode mode, Instant now) {
		jdbc.sql("insert into xch_peer (app_id, name, direction, region_code, public_key, secret_enc, sign_mode, endpoint,"
				+ " our_app_id, enabled, created_at, created_by, updated_at, updated_by) values (:app, '市平台', 'UPPER',"
				+ " :region, :key, :secret, :mode, :endpoint, :mark, true, :now, 'test', :now, 'test')")
			.param("app", "city-" + appMark)
			.param("region", region.substring(0, 4) + "00000000")
			.param("key", keys.publicKey())
			.param("secret", personalData.encrypt(secret))
			.param("mode", mode.name())
			.param("endpoint", endpoint())
			.param("mark", appMark)
			.param("now", Timestamp.from(now))
			.update();
	}

	String endpoint() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/exchange/v1/national";
	}

	void answer(BiFunction<String, JsonNode, Verdict> verdicts) {
		this.verdicts = verdicts;
	}

	/** Every following request fails as a whole with this HTTP status (0: answer normally). */
	void failWith(int status) {
		this.wholeFailure = status;
	}

	/** From now on the envelope's sign is an {@code SM2_SIGN} signature to verify with one of these public keys. */
	void verifySm2Sign(List<String> senderPublicKeys) {
		this.senderPublicKeys = List.copyOf(senderPublicKeys);
	}

	List<Received> received() {
		synchronized (received) {
			return List.copyOf(received);
		}
	}

	int badSigns() {
		return badSigns;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			JsonNode body = Http.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			if (wholeFailure != 0) {
				ObjectNode problem = JsonNodeFactory.instance.objectNode();
				problem.put("code", wholeFailure == 401 ? "BAD_SIGN" : "UNAVAILABLE");
				problem.put("C-API-Status", "99");
				problem.put("C-Response-Desc", wholeFailure == 401 ? "签名无效 bad sign" : "暂停服务 unavailable");
				send(exchange, wholeFailure, problem);
				return;
			}
			NationalEnvelope.Sealed sealed = NationalEnvelope.parse(body);
			List<String> signers = senderPublicKeys;
			if (signers != null) {
				if (!NationalEnvelope.signatureValid(sealed, SignMode.SM2_SIGN, secret, signers, List.of())
						|| !appMark.equals(sealed.appMark())) {
					badSigns++;
					ObjectNode problem = JsonNodeFactory.instance.objectNode();
					problem.put("code", "BAD_SIGN");
					problem.put("C-API-Status", "99");
					problem.put("C-Response-Desc", "签名无效 bad sign");
					send(exchange, 401, problem);
					return;
				}
			}
			else if (!NationalEnvelope.signatureValid(sealed, SignMode.SM2_ENCRYPT, secret, List.of(),
					List.of(keys.privateKey())) || !appMark.equals(sealed.appMark())) {
				badSigns++;
			}
			ArrayNode results = JsonNodeFactory.instance.arrayNode();
			int accepted = 0;
			for (RecordKind kind : RecordKind.values()) {
				List<String> list = sealed.records().getOrDefault(kind, List.of());
				for (int i = 0; i < list.size(); i++) {
					JsonNode record = Http.parse(Sm2.decrypt(keys.privateKey(), list.get(i)));
					received.add(new Received(kind.list(), record));
					Verdict verdict = verdicts.apply(kind.list(), record);
					ObjectNode result = results.addObject();
					result.put("list", kind.list());
					result.put("index", i);
					result.put("projectNo", record.path("projectNo").asString());
					result.put("status", verdict.status());
					if ("rejected".equals(verdict.status())) {
						result.put("code", verdict.code());
						result.putObject("message").put("zh", "上级拒收 " + verdict.code()).put("en", "refused " + verdict.code());
						result.put("field", "projectNo");
					}
					else {
						accepted++;
					}
				}
			}
			ObjectNode answer = JsonNodeFactory.instance.objectNode();
			answer.put("C-API-Status", "00");
			answer.put("C-Response-Desc", "成功 success");
			ObjectNode inner = answer.putObject("C-Response-Body");
			inner.put("accepted", accepted);
			inner.set("results", results);
			send(exchange, 200, answer);
		}
		catch (RuntimeException e) {
			send(exchange, 400, JsonNodeFactory.instance.objectNode().put("code", "BAD_ENVELOPE"));
		}
	}

	private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
