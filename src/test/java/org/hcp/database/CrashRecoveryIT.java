package org.hcp.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application, killed with SIGKILL in the middle of a stream of ratings, comes up again by itself on the
 * same data directory, and every rating it acknowledged (201) is there: after the JVM alone was killed (its embedded
 * PostgreSQL runs on, orphaned) and after the JVM and all PostgreSQL processes were killed (as in a power cut).
 */
// about the embedded server only: the run against a PostgreSQL server (HCP_DB_URL) has nothing to add
@DisabledIfEnvironmentVariable(named = "HCP_DB_URL", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

	private static final String KEY = "crash-admin-key";

	private static final Duration LOAD_AT_MOST = Duration.ofSeconds(6);

	private static final int RATINGS_AT_MOST = 2_000;

	private static final Duration UP_WITHIN = Duration.ofSeconds(60);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@TempDir
	static Path dir;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<Process> started = new ArrayList<>();

	/** The application the previous case left running on the data directory, so that both cases need 3 starts, not 4. */
	private App running;

	@AfterAll
	void killLeftovers() throws IOException {
		started.forEach(Process::destroyForcibly);
		postgresProcesses().forEach(ProcessHandle::destroyForcibly);
	}

	@Test
	@Order(1)
	void after_the_jvm_is_killed_mid_load_the_application_restarts_by_itself_and_keeps_every_acknowledged_rating()
			throws Exception {
		App app = running != null ? running : start();
		long postgres = postgresProcesses().get(0).pid();
		Set<String> acknowledged = loadThenKill(app, false);
		assertThat(ProcessHandle.of(postgres).map(ProcessHandle::isAlive)).as("PostgreSQL outlives the killed JVM")
			.contains(true);
		running = start();
		assertThat(ProcessHandle.of(postgres).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
		assertEveryRatingStored(running, acknowledged);
	}

	@Test
	@Order(2)
	void after_the_jvm_and_its_database_are_killed_mid_load_every_acknowledged_rating_is_kept() throws Exception {
		App app = running != null ? running : start();
		Set<String> acknowledged = loadThenKill(app, true);
		running = start();
		assertEveryRatingStored(running, acknowledged);
	}

	private record App(Process process, String base) {
	}

	private App start() throws Exception {
		int port;
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort();
		}
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar",
				jar().toString(), "--server.port=" + port, "--server.address=127.0.0.1",
				"--hcp.database.embedded.data-dir=" + dir.resolve("pg"), "--hcp.jobs.scheduling=false",
				"--logging.level.root=warn");
		Map<String, String> env = builder.environment();
		// its own embedded database, also when the suite runs against a server
		env.keySet().removeIf(name -> name.startsWith("HCP_") || name.startsWith("SPRING_"));
		env.put("HCP_PRIVACY_KEY", "Y3Jhc2gtdGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg5YWJjZA==");
		env.put("HCP_BOOTSTRAP_API_KEY", KEY);
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("app.log").toFile()));
		Process process = builder.start();
		started.add(process);
		App app = new App(process, "http://127.0.0.1:" + port);
		awaitUp(app);
		return app;
	}

	private void awaitUp(App app) throws Exception {
		long deadline = System.nanoTime() + UP_WITHIN.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(app.process().isAlive()).as("the application exited; its log:\n" + log()).isTrue();
			try {
				HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(app.base() + "/actuator/health")));
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("not UP within " + UP_WITHIN + "; its log:\n" + log());
	}

	/** Rates from four threads; kills the JVM (and with {@code database} its PostgreSQL) while they are at it. */
	private Set<String> loadThenKill(App app, boolean database) throws Exception {
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong sent = new AtomicLong();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			int thread = t;
			workers.add(threads.submit(() -> {
				for (int i = 0; !stop.get() && sent.incrementAndGet() <= RATINGS_AT_MOST; i++) {
					String projectNo = "CRASH" + thread + "X" + i + "X" + System.nanoTime();
					try {
						if (post(app, "/api/exchange/v1/services", service(projectNo)) == 201
								&& post(app, "/api/exchange/v1/evaluations", evaluation(projectNo, bad(projectNo))) == 201) {
							acknowledged.add(projectNo);
						}
					}
					catch (IOException | InterruptedException killed) {
						return;
					}
				}
			}));
		}
		long deadline = System.nanoTime() + LOAD_AT_MOST.toNanos();
		while (System.nanoTime() < deadline && acknowledged.size() < RATINGS_AT_MOST / 4) {
			Thread.sleep(50);
		}
		List<ProcessHandle> postgres = postgresProcesses();
		app.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		if (database) {
			postgres.forEach(ProcessHandle::destroyForcibly);
			for (ProcessHandle p : postgres) {
				p.onExit().get(10, TimeUnit.SECONDS);
			}
		}
		stop.set(true);
		for (Future<?> worker : workers) {
			worker.get(30, TimeUnit.SECONDS);
		}
		threads.shutdown();
		assertThat(acknowledged).as("ratings acknowledged before the kill").isNotEmpty();
		System.out.printf("CrashRecoveryIT: %d ratings acknowledged of %d sent before the kill%n", acknowledged.size(),
				Math.min(sent.get(), RATINGS_AT_MOST));
		return acknowledged;
	}

	private void assertEveryRatingStored(App app, Set<String> acknowledged) throws Exception {
		Set<String> missing = ConcurrentHashMap.newKeySet();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		List<Future<?>> checks = new ArrayList<>();
		for (String projectNo : acknowledged) {
			checks.add(threads.submit(() -> {
				HttpResponse<String> reply = send(request(app, "/api/exchange/v1/evaluations?projectNo=" + projectNo));
				if (reply.statusCode() != 200 || !reply.body().contains("\"satisfaction\":" + (bad(projectNo) ? 1 : 5))) {
					missing.add(projectNo);
				}
				return null;
			}));
		}
		for (Future<?> check : checks) {
			check.get(60, TimeUnit.SECONDS);
		}
		threads.shutdown();
		assertThat(missing).as("acknowledged ratings missing after the restart (of " + acknowledged.size() + ")")
			.isEmpty();
		assertEveryBadRatingHasItsWorkOrder(app, acknowledged);
	}

	/**
	 * Not one bad review lost (一个不漏): every acknowledged 1-star rating gets its work order, also when the kill came
	 * between the rating's commit and the order's opening — the event publication is completed after the restart.
	 */
	private void assertEveryBadRatingHasItsWorkOrder(App app, Set<String> acknowledged) throws Exception {
		Set<String> bad = new java.util.TreeSet<>(acknowledged.stream().filter(CrashRecoveryIT::bad).toList());
		Set<String> withOrder = new java.util.HashSet<>();
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (!withOrder.containsAll(bad) && System.nanoTime() < until) {
			withOrder.clear();
			for (int page = 0;; page++) {
				HttpResponse<String> reply = send(request(app, "/api/v1/work-orders?size=200&page=" + page));
				assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
				java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(CRASH[0-9X]+)\"").matcher(reply.body());
				int found = 0;
				while (m.find()) {
					withOrder.add(m.group(1));
					found++;
				}
				if (found == 0) {
					break;
				}
			}
			Thread.sleep(500);
		}
		Set<String> missing = new java.util.TreeSet<>(bad);
		missing.removeAll(withOrder);
		assertThat(missing).as("acknowledged bad ratings without a work order after the restart (of " + bad.size() + ")")
			.isEmpty();
	}

	/** The embedded postmaster of our data directory and its backends. */
	private List<ProcessHandle> postgresProcesses() throws IOException {
		Path pidFile = dir.resolve("pg").resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return List.of();
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
			.map(p -> Stream.concat(Stream.of(p), p.descendants()).toList())
			.orElse(List.of());
	}

	private int post(App app, String path, String json) throws IOException, InterruptedException {
		return send(request(app, path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))).statusCode();
	}

	private static HttpRequest.Builder request(App app, String path) {
		return HttpRequest.newBuilder(URI.create(app.base() + path)).header("X-Api-Key", KEY);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String service(String projectNo) {
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
		return """
				{"areaCode":"330106","deptCode":"11330106MB0000001G","deptName":"西湖区市场监督管理局",
				 "taskCode":"330106SCXK0001","taskName":"食品经营许可","projectNo":"%s","proStatus":3,"userName":"张三",
				 "userProp":1,"certKey":"110101199003074512","mobile":"13812345678","acceptDate":"%s","serviceNumber":1,
				 "serviceName":"办结","serviceTime":"%s","promiseTime":1,"proChannel":2,"resultDate":"%s"}"""
			.formatted(projectNo, now.minusHours(3).format(TIME), now.minusHours(2).format(TIME),
					now.minusHours(2).format(TIME));
	}

	/** Every other rating is a 1-star one, whose work order opens after the commit. */
	private static boolean bad(String projectNo) {
		return (projectNo.hashCode() & 1) == 0;
	}

	private static String evaluation(String projectNo, boolean bad) {
		return """
				{"projectNo":"%s","serviceNumber":1,"pf":4,"satisfaction":%s,"evalDetail":"%s",
				 "writingEvaluation":"","assessTime":"%s","assessNumber":1,"userName":"张三",
				 "certKey":"110101199003074512","mobile":"13812345678"}"""
			.formatted(projectNo, bad ? "1" : "5", bad ? "111" : "511,512",
					LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(1).format(TIME));
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(f -> f.getFileName().toString().matches("hcp-platform-.*\\.jar")).findFirst()
				.orElseThrow(() -> new AssertionError("no packaged jar in target/ (run mvn verify)"));
		}
	}

	private String log() {
		try {
			String text = Files.readString(dir.resolve("app.log"));
			return text.length() > 6_000 ? text.substring(text.length() - 6_000) : text;
		}
		catch (IOException e) {
			return "(no log)";
		}
	}
}
