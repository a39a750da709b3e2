package org.hcp.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.hcp.HcpApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * With the database gone, {@code /actuator/health} says DOWN at once instead of waiting for the pool's connection
 * timeout: a load balancer or service manager must see a dead database as DOWN, not as a hung instance.
 */
// about the embedded server only: the run against a PostgreSQL server (HCP_DB_URL) has nothing to add
@DisabledIfEnvironmentVariable(named = "HCP_DB_URL", matches = ".+")
class DatabaseHealthTimingIT {

	private static final Path DATA_DIR = Path.of("target/pg-health-timing").toAbsolutePath();

	private ConfigurableApplicationContext app;

	private EmbeddedPostgres restarted;

	/** With the database back, the context closes at once (it no longer waits out the pool's timeout). */
	@AfterEach
	void close() throws Exception {
		if (app != null) {
			int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("hcp.database.embedded.port"));
			restarted = EmbeddedPostgres.builder().setDataDirectory(DATA_DIR).setCleanDataDirectory(false).setPort(port)
				.start();
			app.close();
			restarted.close();
		}
	}

	@Test
	void health_answers_down_within_two_seconds_when_the_database_is_gone() throws Exception {
		app = new SpringApplicationBuilder(HcpApplication.class).profiles("test").run("--server.port=0",
				// its own embedded database, also when the suite runs against a server
				"--spring.datasource.url=", "--hcp.database.embedded.data-dir=" + DATA_DIR,
				"--hcp.database.embedded.port=" + freePort());
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		URI health = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
				+ "/actuator/health");
		assertThat(get(http, health).statusCode()).isEqualTo(200);

		EmbeddedDatabase.stop(DATA_DIR);

		for (int call = 0; call < 3; call++) {
			long start = System.nanoTime();
			HttpResponse<String> reply = get(http, health);
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(reply.statusCode()).as(reply.body()).isEqualTo(503);
			assertThat(reply.body()).contains("DOWN");
			assertThat(took).as("call " + call).isLessThan(Duration.ofSeconds(2));
		}
	}

	private static int freePort() throws Exception {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
		return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
