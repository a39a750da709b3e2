package org.hcp.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application (target/hcp-platform-*.jar) as a separate process with its own embedded PostgreSQL data
 * directory and port, as it is deployed: for tests of several instances talking to each other. It can be killed
 * (SIGKILL, its PostgreSQL left orphaned as after a crash) and started again on the same directory and port.
 */
public final class PackagedInstance implements AutoCloseable {

	private static final Duration UP_WITHIN = Duration.ofSeconds(90);

	private final String name;
	private final Path dir;
	private final int port;
	private final List<String> settings;
	private final List<Process> started = new ArrayList<>();
	private Process process;

	/**
	 * @param settings extra {@code --name=value} arguments (e.g. {@code --hcp.exchange.app-id=county})
	 */
	public PackagedInstance(String name, Path dir, List<String> settings) throws IOException {
		this.name = name;
		this.dir = dir.resolve(name);
		this.port = freePort();
		this.settings = List.copyOf(settings);
		Files.createDirectories(this.dir);
	}

	public String base() {
		return "http://127.0.0.1:" + port;
	}

	/** As the bootstrap admin ({@link ApiTest#ADMIN_KEY}). */
	public Http admin() {
		return new Http(base(), ApiTest.ADMIN_KEY);
	}

	public int port() {
		return port;
	}

	/** Starts the jar and waits until /actuator/health answers UP. */
	public PackagedInstance start() throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-Xmx384m", "-jar", jar().toString(), "--server.port=" + port, "--server.address=127.0.0.1",
				"--hcp.database.embedded.data-dir=" + dir.resolve("pg"), "--logging.level.root=warn"));
		command.addAll(settings);
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = builder.environment();
		// its own embedded database, also when the suite runs against a server
		env.keySet().removeIf(n -> n.startsWith("HCP_") || n.startsWith("SPRING_"));
		env.put("HCP_PRIVACY_KEY", "ZmVkZXJhdGlvbi10ZXN0LW9ubHkta2V5LTAxMjM0NTY3OA==");
		env.put("HCP_BOOTSTRAP_API_KEY", ApiTest.ADMIN_KEY);
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("app.log").toFile()));
		process = builder.start();
		started.add(process);
		awaitUp();
		return this;
	}

	/** SIGKILL of the JVM: no shutdown, its PostgreSQL runs on orphaned until the next start stops it. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws IOException {
		started.forEach(Process::destroyForcibly);
		postgres().forEach(ProcessHandle::destroyForcibly);
	}

	/** The end of the instance's log, for assertion messages. */
	public String log() {
		try {
			String text = Files.readString(dir.resolve("app.log"));
			return name + " log:\n" + (text.length() > 6_000 ? text.substring(text.length() - 6_000) : text);
		}
		catch (IOException e) {
			return name + ": no log";
		}
	}

	private void awaitUp() throws Exception {
		long deadline = System.nanoTime() + UP_WITHIN.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new AssertionError(name + " exited; " + log());
			}
			try {
				Http.Reply health = new Http(base(), null).get("/actuator/health");
				if (health.status() == 200 && health.text().contains("UP")) {
					return;
				}
			}
			catch (IllegalStateException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError(name + " not UP within " + UP_WITHIN + "; " + log());
	}

	private List<ProcessHandle> postgres() throws IOException {
		Path pidFile = dir.resolve("pg").resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return List.of();
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
			.map(p -> Stream.concat(Stream.of(p), p.descendants()).toList())
			.orElse(List.of());
	}

	private static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(f -> f.getFileName().toString().matches("hcp-platform-.*\\.jar"))
				.filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no packaged jar in target/ (run mvn verify)"));
		}
	}
}
