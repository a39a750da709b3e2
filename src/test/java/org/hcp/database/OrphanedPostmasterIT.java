package org.hcp.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code kill -9} of the application its embedded PostgreSQL runs on, holding the data directory. The next start
 * stops that orphan — and only a server of its own directory that no living application holds — and comes up.
 */
// about the embedded server only: the run against a PostgreSQL server (HCP_DB_URL) has nothing to add
@DisabledIfEnvironmentVariable(named = "HCP_DB_URL", matches = ".+")
class OrphanedPostmasterIT {

	@TempDir
	Path dir;

	@AfterEach
	void stop() throws Exception {
		EmbeddedDatabase.stop(dir.resolve("live"));
		EmbeddedDatabase.stop(dir.resolve("orphaned"));
	}

	@Test
	void a_server_left_running_on_our_data_directory_is_stopped_and_the_next_start_comes_up() throws Exception {
		Path live = dir.resolve("live");
		EmbeddedDatabase.start(live, Map.of("hcp.database.embedded.fsync", "off"));
		Path bin = Path.of(ProcessHandle.of(EmbeddedDatabase.postmasterPid(live)).orElseThrow().info().command().orElseThrow())
			.getParent();
		Path orphaned = dir.resolve("orphaned");
		// a server on the directory that no application holds: what a killed JVM leaves behind
		run(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-E", "UTF-8", "-D", orphaned.toString());
		run(bin.resolve("pg_ctl").toString(), "-D", orphaned.toString(), "-o", "-p " + freePort() + " -F", "-w", "-l",
				dir.resolve("orphan.log").toString(), "start");
		long orphan = EmbeddedDatabase.postmasterPid(orphaned);
		assertThat(ProcessHandle.of(orphan)).isPresent();

		var env = EmbeddedDatabase.start(orphaned, Map.of("hcp.database.embedded.fsync", "off"));

		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the orphan was stopped").isNotEqualTo(
				java.util.Optional.of(true));
		try (Connection c = EmbeddedDatabase.connect(env)) {
			assertThat(c.isValid(2)).isTrue();
		}
		assertThat(EmbeddedDatabase.postmasterPid(orphaned)).isNotEqualTo(orphan);
	}

	@Test
	void a_server_held_by_a_running_application_is_not_an_orphan() throws Exception {
		Path live = dir.resolve("live");
		EmbeddedDatabase.start(live, Map.of("hcp.database.embedded.fsync", "off"));
		assertThat(OrphanedPostmaster.find(live)).isEmpty();
		assertThat(ProcessHandle.of(EmbeddedDatabase.postmasterPid(live)).map(ProcessHandle::isAlive)).contains(true);
	}

	@Test
	void a_postmaster_pid_whose_process_is_now_another_program_is_removed_and_that_program_left_alone() throws Exception {
		Path stale = Files.createDirectories(dir.resolve("stale"));
		Files.write(stale.resolve("postmaster.pid"),
				List.of(Long.toString(ProcessHandle.current().pid()), stale.toString(), "0", "5432"));
		assertThat(OrphanedPostmaster.find(stale)).isEmpty();
		assertThat(stale.resolve("postmaster.pid")).doesNotExist();
	}

	private static int freePort() throws Exception {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	private static void run(String... command) throws Exception {
		Process p = new ProcessBuilder(OrphanedPostmaster.asPostgresTool(command)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
	}
}
