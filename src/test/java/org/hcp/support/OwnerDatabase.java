package org.hcp.support;

import org.postgresql.Driver;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A connection as the database owner — the role Flyway migrates as — for tests that play someone with the owner's
 * rights (e.g. changing a rating behind the application's back). The application itself never connects so.
 */
public final class OwnerDatabase {

	private OwnerDatabase() {
	}

	public static JdbcClient jdbc(Environment env) {
		String url = env.getProperty("spring.flyway.url", env.getRequiredProperty("spring.datasource.url"));
		return JdbcClient.create(new SimpleDriverDataSource(new Driver(), url, env.getProperty("spring.flyway.user"),
				env.getProperty("spring.flyway.password")));
	}
}
