package org.hcp.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** zonky starts a test database (fsync off); the platform's embedded database keeps what it acknowledged. */
// about the embedded server only: the run against a PostgreSQL server (HCP_DB_URL) has nothing to add
@DisabledIfEnvironmentVariable(named = "HCP_DB_URL", matches = ".+")
class DurableEmbeddedDatabaseIT {

	@TempDir
	Path dir;

	@AfterEach
	void stop() throws Exception {
		EmbeddedDatabase.stop(dir.resolve("pg"));
	}

	@Test
	void the_embedded_database_is_crash_safe_by_default() throws Exception {
		var env = EmbeddedDatabase.start(dir.resolve("pg"), Map.of());
		Map<String, String> settings = new HashMap<>();
		try (Connection c = EmbeddedDatabase.connect(env); ResultSet rs = c.createStatement().executeQuery(
				"select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes')")) {
			while (rs.next()) {
				settings.put(rs.getString(1), rs.getString(2));
			}
		}
		assertThat(settings).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on")
			.containsEntry("full_page_writes", "on");
	}
}
