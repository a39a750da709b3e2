package org.hcp.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded server gets the same two roles as a production server: {@value #OWNER} owns the database and runs
 * the migrations, {@value #RUNTIME} is what the application's pool connects as (its rights are granted by the
 * migrations' {@code afterMigrate} callback). Neither is a superuser, so the application cannot switch off the
 * append-only guard of the rating tables. A data directory from before the split (everything owned by the
 * superuser) is handed over to the owner once.
 */
final class EmbeddedRoles {

	static final String OWNER = "hcp_owner";

	static final String RUNTIME = "hcp_app";

	private EmbeddedRoles() {
	}

	static void ensure(EmbeddedPostgres postgres, String database) {
		String db = database.replace("\"", "").replace("'", "");
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("do $$ begin "
					+ "if not exists (select 1 from pg_roles where rolname = '" + OWNER + "') then create role " + OWNER
					+ " login nosuperuser nocreaterole; end if; "
					+ "if not exists (select 1 from pg_roles where rolname = '" + RUNTIME + "') then create role " + RUNTIME
					+ " login nosuperuser nocreaterole nocreatedb; end if; end $$");
			var rs = s.executeQuery("select pg_get_userbyid(datdba) from pg_database where datname = '" + db + "'");
			if (!rs.next()) {
				s.execute("create database \"" + db + "\" owner " + OWNER + " encoding 'UTF8'");
				return;
			}
			if (!OWNER.equals(rs.getString(1))) {
				s.execute("alter database \"" + db + "\" owner to " + OWNER);
				handOverObjects(postgres, db);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not set up database " + database + " in the embedded PostgreSQL", e);
		}
	}

	/** Tables first: a sequence that belongs to a column moves with its table and cannot be moved on its own. */
	private static void handOverObjects(EmbeddedPostgres postgres, String db) throws SQLException {
		try (Connection c = postgres.getDatabase("postgres", db).getConnection(); Statement s = c.createStatement()) {
			s.execute("""
					do $$ declare r record; begin
					  for r in select c.oid::regclass as name, c.relkind from pg_class c
					      join pg_namespace n on n.oid = c.relnamespace
					      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
					        and pg_get_userbyid(c.relowner) <> '%1$s' loop
					    execute format('alter %%s %%s owner to %1$s',
					      case r.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end, r.name);
					  end loop;
					  for r in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
					      where n.nspname = 'public' and c.relkind = 'S' and pg_get_userbyid(c.relowner) <> '%1$s' loop
					    execute format('alter sequence %%s owner to %1$s', r.name);
					  end loop;
					  for r in select p.oid::regprocedure as sig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
					      where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '%1$s' loop
					    execute format('alter routine %%s owner to %1$s', r.sig);
					  end loop;
					end $$""".formatted(OWNER));
		}
	}
}
