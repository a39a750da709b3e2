package org.hcp.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * With no {@code spring.datasource.url} (nor {@code HCP_DB_URL}) configured, starts a real PostgreSQL from the
 * binaries on the class path, keeps its data under {@code hcp.database.embedded.data-dir} (default
 * {@code ./data/pg}) and points the data source at it. One server per data directory and JVM. With
 * {@code hcp.database.embedded.clean} (the tests) the directory starts empty.
 */
class EmbeddedPostgresStarter implements EnvironmentPostProcessor, Ordered {

	private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
			return;
		}
		Path dataDir = Path.of(env.getProperty("hcp.database.embedded.data-dir", "./data/pg")).toAbsolutePath().normalize();
		boolean clean = env.getProperty("hcp.database.embedded.clean", Boolean.class, false);
		int port = env.getProperty("hcp.database.embedded.port", Integer.class, 0);
		String database = env.getProperty("hcp.database.embedded.database", "hcp");
		// zonky defaults to synchronous_commit=off (a test database); the platform's data must survive a crash
		String syncCommit = env.getProperty("hcp.database.embedded.synchronous-commit", "on");
		EmbeddedPostgres postgres = RUNNING.computeIfAbsent(dataDir, dir -> start(dir, clean, port, database, syncCommit));
		Map<String, Object> props = new HashMap<>();
		props.put("spring.datasource.url", postgres.getJdbcUrl("postgres", database));
		props.put("spring.datasource.username", "postgres");
		props.put("spring.datasource.password", "");
		env.getPropertySources().addFirst(new MapPropertySource("hcpEmbeddedPostgres", props));
	}

	private static EmbeddedPostgres start(Path dataDir, boolean clean, int port, String database, String syncCommit) {
		try {
			Files.createDirectories(dataDir.getParent());
			if (clean) {
				FileSystemUtils.deleteRecursively(dataDir);
			}
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(clean)
				.setRegisterShutdownHook(false)
				.setServerConfig("synchronous_commit", syncCommit)
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "256MB");
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres postgres = builder.start();
			// after every application context has closed its connection pool, not racing with it
			SpringApplication.getShutdownHandlers().add(() -> stop(postgres));
			createDatabase(postgres, database);
			return postgres;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
		}
	}

	private static void stop(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
		}
	}

	private static void createDatabase(EmbeddedPostgres postgres, String database) {
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			var rs = s.executeQuery("select 1 from pg_database where datname = '" + database.replace("'", "") + "'");
			if (!rs.next()) {
				s.execute("create database \"" + database.replace("\"", "") + "\" encoding 'UTF8'");
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create database " + database + " in the embedded PostgreSQL", e);
		}
	}
}
