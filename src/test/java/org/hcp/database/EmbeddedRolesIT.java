package org.hcp.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The embedded database has an owner and a runtime role, also when its data directory predates them. */
// about the embedded server only: the run against a PostgreSQL server (HCP_DB_URL) has nothing to add
@DisabledIfEnvironmentVariable(named = "HCP_DB_URL", matches = ".+")
class EmbeddedRolesIT {

	@TempDir
	Path dir;

	@AfterEach
	void stop() throws Exception {
		EmbeddedDatabase.stop(dir.resolve("pg"));
	}

	@Test
	void a_database_from_before_the_two_roles_is_handed_to_the_owner_and_neither_role_is_a_superuser()
			throws Exception {
		Path pg = dir.resolve("pg");
		// as the application left it before: everything owned by the superuser
		try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false).start()) {
			try (Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("create database hcp encoding 'UTF8'");
			}
			try (Connection c = old.getDatabase("postgres", "hcp").getConnection(); Statement s = c.createStatement()) {
				s.execute("create table evl_evaluation (id bigserial primary key, level int)");
				s.execute("create sequence loose_seq");
				s.execute("create function evl_refuse_change() returns trigger language plpgsql as $$ begin return null; end $$");
			}
		}

		var env = EmbeddedDatabase.start(pg, Map.of("hcp.database.embedded.fsync", "off"));

		assertThat(env.getProperty("spring.datasource.username")).isEqualTo(EmbeddedRoles.RUNTIME);
		assertThat(env.getProperty("spring.flyway.user")).isEqualTo(EmbeddedRoles.OWNER);
		try (Connection c = EmbeddedDatabase.connect(env); Statement s = c.createStatement()) {
			assertThat(strings(s, "select distinct pg_get_userbyid(relowner) from pg_class c join pg_namespace n "
					+ "on n.oid = c.relnamespace where n.nspname = 'public'")).containsExactly(EmbeddedRoles.OWNER);
			assertThat(strings(s, "select pg_get_userbyid(proowner) from pg_proc where proname = 'evl_refuse_change'"))
				.containsExactly(EmbeddedRoles.OWNER);
			assertThat(strings(s, "select pg_get_userbyid(datdba) from pg_database where datname = 'hcp'"))
				.containsExactly(EmbeddedRoles.OWNER);
			assertThat(strings(s, "select rolname from pg_roles where rolname in ('hcp_owner', 'hcp_app') and "
					+ "(rolsuper or rolcreaterole)")).isEmpty();
		}
	}

	private static List<String> strings(Statement s, String sql) throws Exception {
		List<String> values = new ArrayList<>();
		try (ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}
}
