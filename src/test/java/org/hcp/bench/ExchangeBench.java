package org.hcp.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.hcp.exchange.NationalEnvelope;
import org.hcp.exchange.RecordKind;
import org.hcp.exchange.Sm2;
import org.hcp.privacy.PersonalData;
import org.hcp.privacy.PrivacyProperties;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exchange suite of issue 9 §5 ({@code ./bench -Dbench.suite=exchange}): starts the packaged application (the
 * county) as its own JVM and registers as its upper platform a receiver in this JVM on 127.0.0.1 that does what the
 * city's national endpoint does before storing: parse the envelope, check the sign, SM2-decrypt and parse every
 * record, answer per record. Measured: (1) an outage — the receiver answers 503 while {@code bench.backlog} service
 * records are queued, then it comes back and the backlog is drained by the push job; the time to drain and records
 * per second; (2) single-rating intake with the outbox on (upper platform registered, push job every 500 ms) against
 * off (no upper platform, nothing queued), alternating off, on, off, on.
 * <p>
 * A receiver rather than a second instance: it isolates the sender (the county's outbox, record building, SM2
 * sealing, HTTP) from the city's storing; the two-instance path is FederationIT, and
 * {@code -Dbench.exchange.endpoint=http://127.0.0.1:PORT/api/exchange/v1/national -Dbench.exchange.publicKey=…}
 * points the county at a real city instead (started separately, with the county registered as a LOWER peer; its CPU
 * is read when {@code -Dbench.exchange.cityPid=… -Dbench.exchange.cityData=…} name its JVM and data directory). Then
 * the outage is the down receiver's address, the city comes back by its endpoint, and after the intake phases the
 * rest of the outbox is drained so that the city's counts can be compared with what the county sent.
 */
final class ExchangeBench {

	static final int BACKLOG = Integer.getInteger("bench.backlog", 100_000);
	static final int INTAKE = Integer.getInteger("bench.intake", 6_000);
	/** How long the upper platform is down in (1): longer than catch-up-after, as a real outage would be. */
	static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("bench.exchange.outageSeconds", 65));
	private static final String PUSH_JOB = "/api/v1/admin/jobs/exchange-push/run";
	private static final String SECRET = "bench-exchange-secret";
	private static final String APP_MARK = "bench-county";

	private ExchangeBench() {
	}

	static void run(Path jar, List<String> serverJvm) throws Exception {
		List<String> report = new ArrayList<>();
		Bench.log("exchange suite: backlog " + BACKLOG + ", intake " + INTAKE + " per phase; starting " + jar);
		ServerProcess server = ServerProcess.start(jar, Bench.WORK, Bench.KEY, Bench.THREADS + 4, Bench.PROFILE, serverJvm);
		String url = "jdbc:postgresql://127.0.0.1:" + server.databasePort + "/hcp";
		try (server; Receiver receiver = new Receiver(); Connection db = DriverManager.getConnection(url, "postgres", "");
				PlainHttp admin = new PlainHttp("127.0.0.1", server.port, Bench.KEY)) {
			BenchData data = new BenchData();
			data.importCatalog(admin);
			// a real city (bench.exchange.endpoint) cannot be switched off from here: the outage registers the down
			// receiver's address, and the city "comes back" when the endpoint is changed to its own
			String city = System.getProperty("bench.exchange.endpoint");
			String publicKey = System.getProperty("bench.exchange.publicKey", receiver.keys.publicKey());
			registerUpper(db, receiver.endpoint(), publicKey);
			OtherInstance other = city == null ? null : OtherInstance.fromProperties();

			// (1) the outage: the upper platform refuses everything while the backlog is queued
			receiver.down.set(true);
			Bench.log("queueing " + BACKLOG + " service records with the upper platform down");
			long start = System.nanoTime();
			data.insertCompletedCases(db, BACKLOG + Bench.WARM_UP + 4 * INTAKE + 100);
			double queueSeconds = (System.nanoTime() - start) / 1e9;
			long queued = scalar(db, "select count(*) from xch_outbox where status <> 'SENT'");
			admin.post(PUSH_JOB, "");
			long failed = scalar(db, "select count(*) from xch_outbox where status = 'FAILED'");
			// an outage shorter than catch-up-after (1 min) would leave a burst, which the push lets wait (ADR 0035):
			// the upper platform stays down at least OUTAGE after the queueing started
			long rest = OUTAGE.toNanos() - (System.nanoTime() - start);
			if (rest > 0) {
				Thread.sleep(rest / 1_000_000);
			}
			report.add(String.format(Locale.ROOT, "outage: %,d cases with their service record queued in %.1f s (triggers in the"
					+ " insert); one push run against the down receiver failed %,d (the run stops at the first failed batch);"
					+ " down for %.0f s", queued, queueSeconds, failed, (System.nanoTime() - start) / 1e9));

			receiver.down.set(false);
			if (city != null) {
				endpoint(db, city);
			}
			admin.post("/api/v1/admin/exchange/resend", "{\"scope\":\"FAILED\"}");
			Bench.log("draining the backlog" + (city == null ? "" : " into the city at " + city));
			ServerProcess.Cpu cpu = server.cpu();
			ServerProcess.Cpu cityCpu = other == null ? null : other.cpu();
			start = System.nanoTime();
			long waiting = queued;
			int runs = 0;
			while (waiting > 0 && runs < 100_000) {
				admin.post(PUSH_JOB, "");
				runs++;
				waiting = scalar(db, "select count(*) from xch_outbox where status <> 'SENT'");
			}
			double drain = (System.nanoTime() - start) / 1e9;
			ServerProcess.Cpu used = server.cpu().minus(cpu);
			long sent = scalar(db, "select count(*) from xch_outbox where status = 'SENT'");
			if (city == null) {
				report.add(String.format(Locale.ROOT, "drain: %,d records sent in %.1f s = %.0f records/s (%d push runs;"
						+ " server JVM CPU %.1f s, PostgreSQL CPU %.1f s); receiver decrypted %,d records, %,d envelopes, %d bad signs;"
						+ " still unsent %,d", sent, drain, sent / drain, runs,
						used.jvm() / 1e9, used.database() / 1e9, receiver.records.get(), receiver.envelopes.get(),
						receiver.badSigns.get(), waiting));
				report.add(String.format(Locale.ROOT, "order: %,d records reached the receiver twice (a re-send after a lost answer"
						+ " would; the receiver's idempotence absorbs it)", receiver.records.get() - sent));
			}
			else {
				ServerProcess.Cpu cityUsed = other.cpu().minus(cityCpu);
				report.add(String.format(Locale.ROOT, "drain into the city: %,d records sent in %.1f s = %.0f records/s (%d push"
						+ " runs; county JVM CPU %.1f s, county PostgreSQL CPU %.1f s; city JVM CPU %.1f s, city PostgreSQL CPU"
						+ " %.1f s); still unsent %,d", sent, drain, sent / drain, runs, used.jvm() / 1e9, used.database() / 1e9,
						cityUsed.jvm() / 1e9, cityUsed.database() / 1e9, waiting));
			}

			// (2) intake with the outbox on and off
			Bench.log("intake with the outbox on and off");
			Bench.run(Bench.WARM_UP, Bench.THREADS, budget -> {
				try (PlainHttp client = new PlainHttp("127.0.0.1", server.port, Bench.KEY)) {
					return Bench.timed(budget, i -> client.post("/api/v1/evaluations", data.ratingJson(data.nextCase())));
				}
			});
			// each "on" phase is a burst that starts with an empty outbox: before an "off" phase (not measured) the push
			// catches up as the scheduled job would, once the burst is a minute old; a burst's records wait meanwhile
			report.addAll(OnOffIntake.measure(server, data, INTAKE, on -> {
				if (!on) {
					drainAll(admin, db);
				}
				upper(db, on);
			}, PUSH_JOB, 500, "outbox"));
			report.add("unsent after the intake phases: " + scalar(db, "select count(*) from xch_outbox where status <> 'SENT'"));
			if (city != null) {
				// what the city must hold afterwards: everything queued, sent once
				drainAll(admin, db);
				report.add(String.format(Locale.ROOT, "county outbox after a last drain: SERVICE %,d sent, EVALUATE %,d sent,"
						+ " unsent %,d; county cases %,d, ratings %,d",
						scalar(db, "select count(*) from xch_outbox where status = 'SENT' and kind = 'SERVICE'"),
						scalar(db, "select count(*) from xch_outbox where status = 'SENT' and kind = 'EVALUATE'"),
						scalar(db, "select count(*) from xch_outbox where status <> 'SENT'"),
						scalar(db, "select count(*) from cas_case"), scalar(db, "select count(*) from evl_evaluation")));
			}
		}
		Path out = Bench.WORK.resolve("exchange.txt");
		Files.write(out, report);
		report.forEach(Bench::log);
		Bench.log("written to " + out);
	}

	/**
	 * Runs the push job as the scheduler would (again at once while it sends, 500 ms later when it sent nothing) until
	 * nothing is unsent, or 5 minutes: a burst's records wait until they are a minute old (ADR 0035).
	 */
	private static void drainAll(PlainHttp admin, Connection db) throws Exception {
		long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		long waiting = scalar(db, "select count(*) from xch_outbox where status <> 'SENT'");
		while (waiting > 0 && System.nanoTime() < until) {
			admin.post(PUSH_JOB, "");
			long now = scalar(db, "select count(*) from xch_outbox where status <> 'SENT'");
			if (now == waiting) {
				Thread.sleep(500);
			}
			waiting = now;
		}
	}

	private static void registerUpper(Connection db, String endpoint, String publicKey) throws SQLException {
		PersonalData personal = new PersonalData(new PrivacyProperties(ServerProcess.PRIVACY_KEY, null, false));
		try (PreparedStatement s = db.prepareStatement("insert into xch_peer (app_id, name, direction, region_code,"
				+ " public_key, secret_enc, sign_mode, endpoint, our_app_id, enabled, created_at, created_by, updated_at,"
				+ " updated_by) values ('bench-city', '基准市平台', 'UPPER', '970100000000', ?, ?, 'SM2_ENCRYPT', ?, ?, true,"
				+ " now(), 'bench', now(), 'bench')")) {
			s.setString(1, publicKey);
			s.setBytes(2, personal.encrypt(SECRET));
			s.setString(3, endpoint);
			s.setString(4, APP_MARK);
			s.executeUpdate();
		}
	}

	private static void endpoint(Connection db, String endpoint) throws SQLException {
		try (PreparedStatement s = db.prepareStatement("update xch_peer set endpoint = ? where app_id = 'bench-city'")) {
			s.setString(1, endpoint);
			s.executeUpdate();
		}
	}

	private static void upper(Connection db, boolean enabled) throws SQLException {
		try (Statement s = db.createStatement()) {
			s.execute("update xch_peer set enabled = " + enabled + " where app_id = 'bench-city'");
		}
	}

	private static long scalar(Connection db, String sql) throws SQLException {
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * The city started by hand on the same machine ({@code bench.exchange.cityPid}, the pid of its JVM, and
	 * {@code bench.exchange.cityData}, its embedded PostgreSQL's data directory): only to read the CPU it used; without
	 * them its CPU reads zero.
	 */
	record OtherInstance(long pid, Path dataDir) {

		static OtherInstance fromProperties() {
			return new OtherInstance(Long.getLong("bench.exchange.cityPid", -1),
					Path.of(System.getProperty("bench.exchange.cityData", "target/city/pg")));
		}

		ServerProcess.Cpu cpu() {
			return ServerProcess.cpuOfServer(ProcessHandle.of(pid).orElse(null), dataDir);
		}
	}

	/** The stand-in upper platform: checks, decrypts and parses like the national endpoint, stores nothing. */
	static final class Receiver implements AutoCloseable {

		final Sm2.KeyPair keys = Sm2.generate();
		final AtomicBoolean down = new AtomicBoolean();
		final AtomicLong records = new AtomicLong();
		final AtomicLong envelopes = new AtomicLong();
		final AtomicLong badSigns = new AtomicLong();
		private final JsonMapper json = JsonMapper.builder().build();
		private final HttpServer server;

		Receiver() throws IOException {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newFixedThreadPool(2, r -> {
				Thread t = new Thread(r);
				t.setDaemon(true);
				return t;
			}));
			server.createContext("/api/exchange/v1/national", this::handle);
			server.start();
		}

		String endpoint() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/exchange/v1/national";
		}

		private void handle(HttpExchange exchange) throws IOException {
			try (exchange) {
				byte[] body = exchange.getRequestBody().readAllBytes();
				if (down.get()) {
					send(exchange, 503, "{\"code\":\"UNAVAILABLE\",\"C-API-Status\":\"99\",\"C-Response-Desc\":\"停机 down\"}");
					return;
				}
				NationalEnvelope.Sealed sealed = NationalEnvelope.parse(json.readTree(body));
				envelopes.incrementAndGet();
				if (!NationalEnvelope.signatureValid(sealed, org.hcp.exchange.SignMode.SM2_ENCRYPT, SECRET, List.of(),
						List.of(keys.privateKey()))) {
					badSigns.incrementAndGet();
				}
				ArrayNode results = JsonNodeFactory.instance.arrayNode();
				for (RecordKind kind : RecordKind.values()) {
					List<String> list = sealed.records().getOrDefault(kind, List.of());
					for (int i = 0; i < list.size(); i++) {
						JsonNode record = json.readTree(Sm2.decrypt(keys.privateKey(), list.get(i)));
						records.incrementAndGet();
						ObjectNode r = results.addObject();
						r.put("list", kind.list());
						r.put("index", i);
						r.put("projectNo", record.path("projectNo").asString());
						r.put("status", "accepted");
					}
				}
				ObjectNode answer = JsonNodeFactory.instance.objectNode();
				answer.put("C-API-Status", "00");
				answer.put("C-Response-Desc", "成功 success");
				answer.putObject("C-Response-Body").set("results", results);
				send(exchange, 200, answer.toString());
			}
			catch (RuntimeException e) {
				send(exchange, 400, "{\"code\":\"BAD_ENVELOPE\"}");
			}
		}

		private static void send(HttpExchange exchange, int status, String body) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
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
}
