package org.hcp.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's pool connects as the runtime role: it may add and read ratings and seals, but PostgreSQL itself
 * refuses to let it change, remove or empty them, or to alter the tables (and so switch off their append-only
 * triggers). Only the owner, who migrates, could.
 */
class RuntimeRoleIT extends ServiceFixtures {

	private static final List<String> APPEND_ONLY = List.of("evl_evaluation", "evl_seal_block", "evl_seal_link");

	private static final Map<String, String> A_COLUMN = Map.of("evl_evaluation", "level", "evl_seal_block", "ratings",
			"evl_seal_link", "block_no");

	/** insufficient_privilege: "permission denied for table …" or "must be owner of table …" */
	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	@Autowired
	private DataSource dataSource;

	@Test
	void the_application_connects_as_neither_a_superuser_nor_the_owner_of_the_rating_tables() {
		assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single())
			.isFalse();
		for (String table : APPEND_ONLY) {
			assertThat(jdbc.sql("select pg_get_userbyid(relowner) = current_user from pg_class where relname = :t")
				.param("t", table).query(Boolean.class).single()).as(table).isFalse();
		}
	}

	@Test
	void every_table_whose_trigger_refuses_changes_is_insert_and_select_only_for_the_application() {
		List<String> guarded = jdbc.sql("""
				select distinct c.relname from pg_trigger tg join pg_class c on c.oid = tg.tgrelid
				  join pg_proc p on p.oid = tg.tgfoid
				where c.relnamespace = current_schema()::regnamespace and not tg.tgisinternal
				  and p.proname like '%refuse\\_change' order by 1""").query(String.class).list();
		assertThat(guarded).containsAll(APPEND_ONLY);
		for (String table : guarded) {
			for (String privilege : List.of("UPDATE", "DELETE", "TRUNCATE", "TRIGGER")) {
				assertThat(jdbc.sql("select has_table_privilege(current_user, :t, :p)").param("t", table)
					.param("p", privilege).query(Boolean.class).single()).as(table + " " + privilege).isFalse();
			}
			assertThat(jdbc.sql("select has_table_privilege(current_user, :t, 'INSERT')").param("t", table)
				.query(Boolean.class).single()).as(table + " INSERT").isTrue();
		}
	}

	@Test
	void the_application_connection_cannot_update_delete_or_truncate_ratings_and_seals() {
		for (String table : APPEND_ONLY) {
			assertRefused("update " + table + " set " + A_COLUMN.get(table) + " = " + A_COLUMN.get(table));
			assertRefused("delete from " + table);
			assertRefused("truncate " + table);
		}
	}

	@Test
	void the_application_connection_cannot_alter_the_rating_tables_nor_disable_their_triggers() {
		assertRefused("alter table evl_evaluation disable trigger evl_evaluation_append_only");
		assertRefused("alter table evl_evaluation disable trigger all");
		assertRefused("alter table evl_seal_block disable trigger evl_seal_block_append_only");
		assertRefused("alter table evl_seal_link disable trigger evl_seal_link_append_only");
		assertRefused("alter table evl_evaluation add column note text");
		assertRefused("drop trigger evl_evaluation_append_only on evl_evaluation");
		assertRefused("create table evl_shadow (id bigint)");
	}

	@Test
	void the_application_connection_can_insert_and_read_ratings() {
		var c = aCase().completedAfter(5);
		c.create();
		assertThat(rate(rating(c.caseNo(), 5)).status()).isEqualTo(201);
		assertThat(storedRatings(c.caseNo())).isEqualTo(1);
		for (String table : APPEND_ONLY) {
			assertThat(privilege(table, "INSERT")).as(table).isTrue();
			assertThat(privilege(table, "SELECT")).as(table).isTrue();
			assertThat(privilege(table, "UPDATE")).as(table).isFalse();
		}
	}

	@Test
	void other_tables_and_those_of_later_migrations_are_granted_for_ordinary_work() {
		for (String table : List.of("cas_case", "event_publication", "ntf_outbound_sms")) {
			for (String right : List.of("SELECT", "INSERT", "UPDATE", "DELETE")) {
				assertThat(privilege(table, right)).as(table + " " + right).isTrue();
			}
		}
		assertThat(privilege("flyway_schema_history", "INSERT")).isFalse();
	}

	private boolean privilege(String table, String right) {
		return jdbc.sql("select has_table_privilege(current_user, :t, :r)").param("t", table).param("r", right)
			.query(Boolean.class).single();
	}

	private void assertRefused(String sql) {
		assertThatThrownBy(() -> {
			try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
				s.execute(sql);
			}
		}).as(sql).isInstanceOfSatisfying(SQLException.class,
				e -> assertThat(e.getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
	}
}
