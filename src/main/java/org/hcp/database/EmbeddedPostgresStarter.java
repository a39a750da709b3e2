package org.hcp.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * {@code ./data/pg}) and points the data source at it: the pool connects as the runtime role, Flyway as the owner
 * ({@link EmbeddedRoles}). One server per data directory and JVM. With {@code hcp.database.embedded.clean} (the tests)
 * the directory starts empty. A server left running on it by a killed JVM is stopped first
 * ({@link OrphanedPostmaster}). Durable by default: fsync, synchronous commit and full-page writes on.
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
		String database = env.getProperty("hcp.database.embedded.database", "hcp");
		EmbeddedPostgres postgres = RUNNING.computeIfAbsent(dataDir, dir -> start(dir, env));
		EmbeddedRoles.ensure(postgres, database);
		Map<String, Object> props = new HashMap<>();
		// no user in the URL: the driver would prefer it to the user that Flyway passes
		props.put("spring.datasource.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database);
		props.put("spring.datasource.username", EmbeddedRoles.RUNTIME);
		props.put("spring.datasource.password", "");
		props.put("spring.flyway.user", EmbeddedRoles.OWNER);
		props.put("spring.flyway.password", "");
		env.getPropertySources().addFirst(new MapPropertySource("hcpEmbeddedPostgres", props));
	}

	/** The running server of {@code dataDir} in this JVM, if any. */
	static EmbeddedPostgres running(Path dataDir) {
		return RUNNING.get(dataDir.toAbsolutePath().normalize());
	}

	private static EmbeddedPostgres start(Path dataDir, ConfigurableEnvironment env) {
		boolean clean = env.getProperty("hcp.database.embedded.clean", Boolean.class, false);
		int port = env.getProperty("hcp.database.embedded.port", Integer.class, 0);
		try {
			Files.createDirectories(dataDir.getParent());
			OrphanedPostmaster.stopIfAny(dataDir);
			if (clean) {
				FileSystemUtils.deleteRecursively(dataDir);
			}
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(clean)
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "256MB");
			durability(env).forEach(builder::setServerConfig);
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres postgres = builder.start();
			// after every application context has closed its connection pool, not racing with it
			SpringApplication.getShutdownHandlers().add(() -> stop(postgres));
			return postgres;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
		}
	}

	/**
	 * zonky starts a test database: {@code -F} (fsync off) on the command line and synchronous_commit off. A later
	 * {@code -c} wins over {@code -F}, so these restore PostgreSQL's crash-safe defaults unless configured otherwise
	 * (the test profile turns them off for speed).
	 */
	static Map<String, String> durability(ConfigurableEnvironment env) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("fsync", env.getProperty("hcp.database.embedded.fsync", "on"));
		settings.put("synchronous_commit", env.getProperty("hcp.database.embedded.synchronous-commit", "on"));
		settings.put("full_page_writes", env.getProperty("hcp.database.embedded.full-page-writes", "on"));
		return settings;
	}

	private static void stop(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
		}
	}
}
