package org.hcp.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * HTTP-level tests: the whole application on a random port, on the real (embedded, or with HCP_DB_URL the
 * configured) PostgreSQL. Every test class shares one application context; tests use their own unique keys
 * (case numbers, codes) instead of cleaning tables, so they also run against a server that keeps data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

	public static final String ADMIN_KEY = "test-admin-key";

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	/** Calls as the bootstrap admin. */
	protected Http admin;

	/** Calls without any key. */
	protected Http anonymous;

	@BeforeEach
	protected void httpClients() {
		admin = new Http("http://127.0.0.1:" + port, ADMIN_KEY);
		anonymous = new Http("http://127.0.0.1:" + port, null);
	}

	/** A string unique to this run, for keys that must not collide with earlier runs on a kept database. */
	protected static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36).toUpperCase();
	}
}
