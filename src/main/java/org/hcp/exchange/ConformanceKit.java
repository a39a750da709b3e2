package org.hcp.exchange;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conformance kit 一致性测试工具 of the interface standard (docs/interface-standard.md §11): runs the contract cases
 * against any endpoint that claims to implement the standard and prints one line per case. Run by {@code ./conformance};
 * exits 1 when a case fails, 2 on bad arguments.
 */
public final class ConformanceKit {

	/**
	 * What the kit needs to know of the receiver and of itself as the receiver's registered lower platform.
	 *
	 * @param url the receiver's {@code /api/exchange/v1/national}
	 * @param publicKey the receiver's SM2 public key (null: read from its {@code /public-key})
	 * @param appId the app id the receiver registered for the kit ({@code appMark})
	 * @param privateKey the kit's SM2 private key (its public key is registered at the receiver)
	 */
	public record Target(String url, String publicKey, String appId, String secret, SignMode signMode,
			String privateKey, String areaCode, String deptCode, String taskCode) {

		@Override
		public String toString() {
			return "Target[url=" + url + ", appId=" + appId + ", signMode=" + signMode + ", secret=(hidden), privateKey=(hidden)]";
		}
	}

	/** One contract case and how it went. */
	public record Outcome(String name, boolean passed, String why) {

		String line() {
			return (passed ? "PASS " : "FAIL ") + name + " — " + why;
		}
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ConformanceKit() {
	}

	public static void main(String[] args) {
		if (args.length == 1 && args[0].equals("--new-key-pair")) {
			// a vendor needs a key pair to register with the receiver before the first run
			Sm2.KeyPair pair = Sm2.generate();
			System.out.println("private-key " + pair.privateKey());
			System.out.println("public-key  " + pair.publicKey());
			return;
		}
		if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
			System.out.println(USAGE);
			return;
		}
		Target target;
		try {
			target = parse(args);
		}
		catch (IllegalArgumentException e) {
			System.err.println("conformance: " + e.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		try {
			List<Outcome> outcomes = run(target, Clock.systemUTC(), System.out);
			System.exit(outcomes.stream().allMatch(Outcome::passed) ? 0 : 1);
		}
		catch (IllegalArgumentException | IllegalStateException e) {
			// the receiver's public key could not be read: no case can run
			System.err.println("conformance: " + e.getMessage());
			System.exit(2);
		}
	}

	/** Runs every case in order (later ones rely on records of earlier ones); prints a line per case. */
	public static List<Outcome> run(Target target, Clock clock, PrintStream out) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		Target resolved = target.publicKey() == null || target.publicKey().isBlank()
				? withKey(target, fetchPublicKey(http, target.url())) : target;
		List<Outcome> outcomes = new ConformanceCases(resolved, clock, (body) -> post(http, resolved.url(), body)).all();
		outcomes.forEach(o -> out.println(o.line()));
		long failed = outcomes.stream().filter(o -> !o.passed()).count();
		out.println(failed == 0 ? "conformance: all " + outcomes.size() + " cases passed"
				: "conformance: " + failed + " of " + outcomes.size() + " cases failed");
		return outcomes;
	}

	/** An HTTP answer: status and body (parsed when it is JSON, else a text node). */
	record Answer(int status, JsonNode body) {
	}

	private static Answer post(HttpClient http, String url, String body) {
		try {
			HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(reply.statusCode(), json(reply.body()));
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException("cannot reach " + url + ": " + reason(e), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
	}

	private static JsonNode json(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (RuntimeException e) {
			return JSON.getNodeFactory().stringNode(text);
		}
	}

	private static String fetchPublicKey(HttpClient http, String url) {
		String keyUrl = url.replaceFirst("/national/?$", "/public-key");
		try {
			HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(keyUrl)).timeout(Duration.ofSeconds(30))
				.GET().build(), HttpResponse.BodyHandlers.ofString());
			String key = json(reply.body()).path("publicKey").asString("");
			if (reply.statusCode() != 200 || !Sm2.isPublicKey(key)) {
				throw new IllegalArgumentException("no SM2 public key at " + keyUrl + " (HTTP " + reply.statusCode()
						+ "); pass --public-key");
			}
			return key;
		}
		catch (java.io.IOException e) {
			throw new IllegalArgumentException("cannot read " + keyUrl + ": " + reason(e), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
	}

	private static String reason(Exception e) {
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
	}

	private static Target withKey(Target t, String key) {
		return new Target(t.url(), key, t.appId(), t.secret(), t.signMode(), t.privateKey(), t.areaCode(), t.deptCode(),
				t.taskCode());
	}

	static final String USAGE = """
			usage: ./conformance --url <receiver's /api/exchange/v1/national> --app-id <our app id there> --secret <secret>
			         --sign-mode SM2_ENCRYPT|SM2_SIGN --private-key <our SM2 private key, 64 hex>
			         --area-code <area it accepts from us> --dept-code <dept code> --task-code <item code>
			         [--public-key <receiver's SM2 public key; default: read from its /public-key>]
			       ./conformance --new-key-pair   (prints a fresh SM2 key pair to register with the receiver)""";

	static Target parse(String[] args) {
		Map<String, String> given = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("expected --name value, got " + args[i]);
			}
			given.put(args[i].substring(2), args[++i]);
		}
		for (String required : List.of("url", "app-id", "secret", "sign-mode", "private-key", "area-code", "dept-code",
				"task-code")) {
			if (given.getOrDefault(required, "").isBlank()) {
				throw new IllegalArgumentException("--" + required + " is required");
			}
		}
		SignMode mode;
		try {
			mode = SignMode.valueOf(given.get("sign-mode"));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("--sign-mode must be SM2_ENCRYPT or SM2_SIGN");
		}
		try {
			Sm2.publicKeyOf(given.get("private-key"));
		}
		catch (Sm2.Sm2Exception e) {
			throw new IllegalArgumentException("--private-key is not an SM2 private key (64 hex digits)");
		}
		return new Target(given.get("url"), given.get("public-key"), given.get("app-id"), given.get("secret"), mode,
				given.get("private-key"), given.get("area-code"), given.get("dept-code"), given.get("task-code"));
	}
}
