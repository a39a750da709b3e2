package org.hcp.database;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on our data directory by an application that died without stopping it
 * ({@code kill -9}, the OOM killer). It holds {@code postmaster.pid}, so a new server on that directory cannot start
 * until it is stopped.
 * <p>
 * It is ours to stop only when all of these hold: {@code postmaster.pid} names this directory; its process is alive
 * and is a {@code postgres} executable started with {@code -D} this directory (where the OS tells the arguments);
 * and no running application holds the directory's {@code epg-lock} (the lock the embedded server keeps while its
 * application lives, released by the OS when that process dies).
 * A {@code postmaster.pid} whose process is gone is left to PostgreSQL, which removes it itself.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	private static final Duration STOP_WITHIN = Duration.ofSeconds(30);

	private final Path dataDir;

	private final ProcessHandle process;

	private OrphanedPostmaster(Path dataDir, ProcessHandle process) {
		this.dataDir = dataDir;
		this.process = process;
	}

	/** Stops the orphan of {@code dataDir} if there is one; true when one was stopped. */
	static boolean stopIfAny(Path dataDir) {
		Optional<OrphanedPostmaster> orphan = find(dataDir);
		orphan.ifPresent(OrphanedPostmaster::stop);
		return orphan.isPresent();
	}

	static Optional<OrphanedPostmaster> find(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = readLines(pidFile);
		if (lines.size() < 2 || !lines.get(0).trim().matches("\\d+") || !sameDir(Path.of(lines.get(1).trim()), dataDir)) {
			return Optional.empty();
		}
		Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
		if (process.isPresent() && isOtherProgram(process.get())) {
			// the pid was reused after a reboot or crash: PostgreSQL would take the file for a running server
			log.warn("Removing {}: its pid {} now belongs to another program", pidFile, process.get().pid());
			deleteQuietly(pidFile);
			return Optional.empty();
		}
		if (process.isEmpty() || !isPostgresOf(process.get(), dataDir) || heldByRunningApplication(dataDir)) {
			return Optional.empty();
		}
		return Optional.of(new OrphanedPostmaster(dataDir, process.get()));
	}

	long pid() {
		return process.pid();
	}

	/** Fast shutdown with the orphan's own {@code pg_ctl}; a plain terminate signal where that is not found. */
	void stop() {
		log.warn("Stopping the PostgreSQL server (pid {}) left running on {} by an application that did not shut down",
				process.pid(), dataDir);
		Optional<Path> pgCtl = process.info().command().map(Path::of)
			.map(postgres -> postgres.resolveSibling(postgres.getFileName().toString().replace("postgres", "pg_ctl")))
			.filter(Files::isExecutable);
		if (pgCtl.isEmpty() || !run(pgCtl.get().toString(), "-D", dataDir.toString(), "stop", "-m", "fast", "-w", "-t",
				Long.toString(STOP_WITHIN.toSeconds()))) {
			process.destroy();
		}
		try {
			process.onExit().get(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException("The PostgreSQL server (pid " + process.pid() + ") left running on " + dataDir
					+ " did not stop within " + STOP_WITHIN.toSeconds() + " s; stop it and start again", e);
		}
	}

	private static boolean isPostgres(String command) {
		String name = Path.of(command).getFileName().toString();
		return name.equals("postgres") || name.equalsIgnoreCase("postgres.exe");
	}

	/** Only when the OS names the program: an unknown one may still be a server of ours. */
	private static boolean isOtherProgram(ProcessHandle process) {
		return process.info().command().map(c -> !isPostgres(c)).orElse(false);
	}

	private static boolean isPostgresOf(ProcessHandle process, Path dataDir) {
		ProcessHandle.Info info = process.info();
		if (!info.command().map(OrphanedPostmaster::isPostgres).orElse(false)) {
			return false;
		}
		// where the OS does not tell another process's arguments, postmaster.pid's own line 2 names the directory
		return info.arguments().map(args -> dataDirArgument(args, dataDir)).orElse(true);
	}

	private static boolean dataDirArgument(String[] args, Path dataDir) {
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals("-D") && sameDir(Path.of(args[i + 1]), dataDir)) {
				return true;
			}
		}
		return false;
	}

	/** While its application lives, the embedded server keeps a lock on {@code epg-lock}; the OS drops it on death. */
	private static boolean heldByRunningApplication(Path dataDir) {
		Path lockFile = dataDir.resolve("epg-lock");
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw"); FileLock lock = file.getChannel().tryLock()) {
			return lock == null;
		}
		catch (OverlappingFileLockException e) {
			return true;
		}
		catch (IOException e) {
			return true;
		}
	}

	private static boolean sameDir(Path a, Path b) {
		try {
			return a.toRealPath().equals(b.toRealPath());
		}
		catch (IOException e) {
			return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.warn("Could not remove {}: {}", file, e.getMessage());
		}
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException e) {
			return List.of();
		}
	}

	/** As the embedded server runs its tools: PostgreSQL refuses root, so as root in a user namespace of its own. */
	static List<String> asPostgresTool(String... command) {
		List<String> line = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			line.addAll(List.of("unshare", "-U"));
		}
		line.addAll(List.of(command));
		return line;
	}

	private static boolean run(String... command) {
		try {
			Process p = new ProcessBuilder(asPostgresTool(command)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return p.waitFor(STOP_WITHIN.toSeconds() + 5, TimeUnit.SECONDS) && p.exitValue() == 0;
		}
		catch (IOException e) {
			log.warn("pg_ctl stop failed ({}); sending a terminate signal instead", e.getMessage());
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
