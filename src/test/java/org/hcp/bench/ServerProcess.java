package org.hcp.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application under test, started as its own JVM ({@code java -jar} on the packaged jar) so that the load
 * generator's CPU and garbage never count as the server's. Embedded PostgreSQL in a fresh data directory on a port
 * chosen here, scheduled jobs off, keys by environment. Also reads the CPU time the server JVM and its PostgreSQL
 * processes have used, which on a shared machine is steadier than a rate.
 */
final class ServerProcess implements AutoCloseable {

	static final String PRIVACY_KEY = "YmVuY2gtb25seS1rZXktMDEyMzQ1Njc4OWFiY2RlZmdoaWpr";

	final int port;
	final int databasePort;
	final Path jfr;
	private final Path databaseDir;
	private final Process process;
	private final Path log;

	private ServerProcess(Process process, int port, int databasePort, Path databaseDir, Path log, Path jfr) {
		this.process = process;
		this.databaseDir = databaseDir;
		this.port = port;
		this.databasePort = databasePort;
		this.log = log;
		this.jfr = jfr;
	}

	static ServerProcess start(Path jar, Path workDir, String adminKey, int poolSize, boolean profile, List<String> jvmArgs)
			throws IOException, InterruptedException {
		Files.createDirectories(workDir);
		int port = freePort();
		int databasePort = freePort();
		Path log = workDir.resolve("server.log");
		Path databaseDir = workDir.resolve("pg").toAbsolutePath();
		Path jfr = profile ? workDir.resolve("server.jfr") : null;
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		if (profile) {
			command.add("-XX:StartFlightRecording=name=bench,settings=" + samplingSettings(workDir) + ",dumponexit=true,filename=" + jfr);
		}
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
				"--hcp.database.embedded.data-dir=" + databaseDir,
				"--hcp.database.embedded.clean=true", "--hcp.jobs.scheduling=false", "--hcp.jobs.allow-future-as-of=true", "--hcp.database.embedded.port=" + databasePort,
				"--spring.datasource.hikari.maximum-pool-size=" + poolSize));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("HCP_PRIVACY_KEY", PRIVACY_KEY);
		builder.environment().put("HCP_BOOTSTRAP_API_KEY", adminKey);
		builder.environment().put("HCP_JOBS_SCHEDULING", "false");
		builder.environment().remove("HCP_DB_URL");
		ServerProcess server = new ServerProcess(builder.start(), port, databasePort, databaseDir, log, jfr);
		Runtime.getRuntime().addShutdownHook(new Thread(server::close));
		server.awaitReady(adminKey, Duration.ofSeconds(Integer.getInteger("bench.startSeconds", 180)));
		return server;
	}

	private void awaitReady(String adminKey, Duration limit) throws IOException, InterruptedException {
		long until = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < until) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The server exited with " + process.exitValue() + " before it was ready:\n" + tail());
			}
			try (PlainHttp client = new PlainHttp("127.0.0.1", port, adminKey)) {
				if (client.get("/actuator/health/liveness").status() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		throw new IllegalStateException("The server was not ready within " + limit.toSeconds() + " s:\n" + tail());
	}

	/**
	 * CPU time used so far by the server JVM and by its PostgreSQL: the postmaster named in the data directory's
	 * {@code postmaster.pid} (pg_ctl detaches it from the JVM) and its backends. Zero where the platform does not tell.
	 */
	Cpu cpu() {
		return cpuOfServer(process.toHandle(), databaseDir);
	}

	/** As {@link #cpu()} for any server JVM and its database's data directory (a JVM that is gone counts zero). */
	static Cpu cpuOfServer(ProcessHandle jvm, Path databaseDir) {
		long jvmNanos = jvm == null ? 0 : cpuOf(jvm);
		long dbNanos = 0;
		try {
			long postmaster = Long.parseLong(Files.readAllLines(databaseDir.resolve("postmaster.pid")).get(0).trim());
			ProcessHandle pg = ProcessHandle.of(postmaster).orElse(null);
			if (pg != null) {
				dbNanos = reapedChildrenCpu(postmaster) + cpuOf(pg) + pg.descendants().mapToLong(ServerProcess::cpuOf).sum();
			}
		}
		catch (IOException | RuntimeException unknown) {
			// no pid file (yet): report the JVM only
		}
		return new Cpu(jvmNanos, dbNanos);
	}

	/**
	 * Linux: the CPU of the postmaster's children that have already exited (closed connections, autovacuum workers),
	 * fields cutime and cstime of {@code /proc/<pid>/stat} in clock ticks of 10 ms. Zero elsewhere.
	 */
	private static long reapedChildrenCpu(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// after "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14
			return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L;
		}
		catch (IOException | RuntimeException notLinux) {
			return 0;
		}
	}

	private static long cpuOf(ProcessHandle p) {
		return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	long pid() {
		return process.pid();
	}

	String tail() throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	/** Stops the server gracefully (which stops its PostgreSQL and writes the flight recording). */
	@Override
	public void close() {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The JDK's "profile" settings with Java methods sampled every millisecond instead of every 10 (more samples per phase). */
	private static Path samplingSettings(Path workDir) throws IOException {
		Path profile = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
		Path settings = workDir.resolve("sampling.jfc");
		Files.writeString(settings, Files.readString(profile).replace(
				"<setting name=\"period\" control=\"method-sampling-java-interval\">10 ms</setting>",
				"<setting name=\"period\" control=\"method-sampling-java-interval\">1 ms</setting>"));
		return settings.toAbsolutePath();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** CPU nanoseconds of the server JVM and of the database. */
	record Cpu(long jvm, long database) {
		Cpu minus(Cpu before) {
			return new Cpu(jvm - before.jvm, database - before.database);
		}
	}
}
