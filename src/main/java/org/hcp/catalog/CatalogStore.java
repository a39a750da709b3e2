package org.hcp.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL over the catalog's CRUD tables. Table and column names come only from {@link CatalogTable} and the
 * kinds' fixed column lists, never from a request; values are always bound.
 */
@Repository
class CatalogStore {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate named;

	private final org.springframework.context.ApplicationEventPublisher events;

	CatalogStore(JdbcClient jdbc, NamedParameterJdbcTemplate named,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.named = named;
	}

	Optional<Map<String, Object>> find(CatalogTable table, String code) {
		return jdbc.sql("select * from " + table.table + " where " + table.keyColumn + " = :pk")
			.param("pk", code)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
	}

	boolean exists(CatalogTable table, String code) {
		return !existing(table, List.of(code)).isEmpty();
	}

	/** Which of the codes are stored. */
	Set<String> existing(CatalogTable table, Collection<String> codes) {
		Set<String> found = new HashSet<>();
		List<String> all = new ArrayList<>(codes);
		for (int from = 0; from < all.size(); from += CHUNK) {
			found.addAll(jdbc.sql("select " + table.keyColumn + " from " + table.table + " where " + table.keyColumn
					+ " in (:codes)")
				.param("codes", all.subList(from, Math.min(all.size(), from + CHUNK)))
				.query(String.class)
				.list());
		}
		return found;
	}

	/** Rows whose columns equal the given values, ordered by key. */
	List<Map<String, Object>> page(CatalogTable table, Map<String, Object> equal, Paging paging) {
		return jdbc.sql("select * from " + table.table + where(equal) + " order by " + table.keyColumn
				+ " limit :limit offset :offset")
			.params(equal)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query()
			.listOfRows();
	}

	long count(CatalogTable table, Map<String, Object> equal) {
		return jdbc.sql("select count(*) from " + table.table + where(equal)).params(equal).query(Long.class).single();
	}

	void insert(CatalogTable table, String code, Map<String, Object> columns) {
		events.publishEvent(new RowsChanged(table));
		jdbc.sql(insertSql(table, columns.keySet())).params(columns).param("pk", code).update();
	}

	void update(CatalogTable table, String code, Map<String, Object> columns) {
		events.publishEvent(new RowsChanged(table));
		String set = columns.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "));
		jdbc.sql("update " + table.table + " set " + set + " where " + table.keyColumn + " = :pk")
			.params(columns)
			.param("pk", code)
			.update();
	}

	/** Inserts or replaces every row in one batch; all rows have the same columns. */
	void upsert(CatalogTable table, List<String> codes, List<Map<String, Object>> rows) {
		events.publishEvent(new RowsChanged(table));
		Collection<String> columns = rows.get(0).keySet();
		String sql = insertSql(table, columns) + " on conflict (" + table.keyColumn + ") do update set "
				+ columns.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
		MapSqlParameterSource[] batch = new MapSqlParameterSource[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			batch[i] = new MapSqlParameterSource(rows.get(i)).addValue("pk", codes.get(i));
		}
		named.batchUpdate(sql, batch);
	}

	boolean delete(CatalogTable table, String code) {
		events.publishEvent(new RowsChanged(table));
		return jdbc.sql("delete from " + table.table + " where " + table.keyColumn + " = :pk").param("pk", code).update() > 0;
	}

	/** Lets one import name a parent on a later line; references were checked before, the database checks at commit. */
	void deferReferences() {
		jdbc.sql("set constraints all deferred").update();
	}

	private static String insertSql(CatalogTable table, Collection<String> columns) {
		return "insert into " + table.table + " (" + table.keyColumn + ", " + String.join(", ", columns) + ") values (:pk, "
				+ columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";
	}

	private static String where(Map<String, Object> equal) {
		return equal.isEmpty() ? ""
				: " where " + equal.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(" and "));
	}

	/** Rows of a catalog table were written; caches of that table drop their entries after commit. */
	record RowsChanged(CatalogTable table) {
	}
}
