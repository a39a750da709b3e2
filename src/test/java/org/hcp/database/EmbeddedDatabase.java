package org.hcp.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Runs {@link EmbeddedPostgresStarter} on a data directory of a test's own, as the application does at start. */
final class EmbeddedDatabase {

	private EmbeddedDatabase() {
	}

	/** The environment the starter leaves behind: data source and Flyway properties pointing at the server. */
	static StandardEnvironment start(Path dataDir, Map<String, Object> settings) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().addFirst(new MapPropertySource("test", settings));
		env.getPropertySources().addFirst(new MapPropertySource("dir",
				Map.of("hcp.database.embedded.data-dir", dataDir.toString())));
		new EmbeddedPostgresStarter().postProcessEnvironment(env, new SpringApplication());
		return env;
	}

	static Connection connect(StandardEnvironment env) throws SQLException {
		return DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
				env.getRequiredProperty("spring.datasource.username"), "");
	}

	static long postmasterPid(Path dataDir) throws Exception {
		return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
	}

	static void stop(Path dataDir) throws Exception {
		var postgres = EmbeddedPostgresStarter.running(dataDir);
		if (postgres != null) {
			postgres.close();
		}
	}
}
