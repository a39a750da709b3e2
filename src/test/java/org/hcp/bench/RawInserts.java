package org.hcp.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Baseline (c): plain single-row INSERTs of the rating row shape, autocommitted, into {@code bench_raw}, a copy of
 * {@code evl_evaluation} with its defaults and indexes (but no triggers). The column list follows the table as it
 * is when the bench runs: a column the bench does not know is made nullable in the copy, a column it knows but the
 * table lost is left out, so a later migration does not break the baseline.
 */
final class RawInserts {

	private final Map<String, Value> values = new LinkedHashMap<>();
	private final String sql;

	interface Value {
		Object of(long i);
	}

	RawInserts(Connection db) throws SQLException {
		Map<String, Value> known = known();
		List<String> columns = new ArrayList<>();
		try (Statement s = db.createStatement()) {
			s.execute("drop table if exists bench_raw");
			s.execute("create table bench_raw (like evl_evaluation including defaults including indexes)");
			try (ResultSet rs = s.executeQuery("""
					select column_name, is_nullable = 'YES', column_default is not null from information_schema.columns
					where table_name = 'bench_raw' and table_schema = current_schema() order by ordinal_position""")) {
				while (rs.next()) {
					String name = rs.getString(1);
					if (known.containsKey(name)) {
						values.put(name, known.get(name));
					}
					else if (!rs.getBoolean(2) && !rs.getBoolean(3)) {
						columns.add(name);
					}
				}
			}
			for (String unknown : columns) {
				s.execute("alter table bench_raw alter column \"" + unknown + "\" drop not null");
			}
		}
		sql = "insert into bench_raw(" + String.join(", ", values.keySet()) + ") values ("
				+ String.join(", ", values.keySet().stream().map(c -> "?").toList()) + ")";
	}

	private static Map<String, Value> known() {
		Map<String, Value> v = new LinkedHashMap<>();
		v.put("case_id", i -> i);
		v.put("case_no", i -> "RAW" + i);
		v.put("service_no", i -> 1);
		v.put("slot", i -> 0);
		v.put("channel", i -> "WEB_PORTAL");
		v.put("level", i -> (short) 5);
		v.put("indicators", i -> "501");
		v.put("indicator_version", i -> 1);
		v.put("assessed_at", i -> Timestamp.from(Instant.now()));
		v.put("assess_number", i -> (short) 1);
		v.put("is_default", i -> false);
		v.put("scope", i -> "SINGLE");
		v.put("region_code", i -> BenchData.REGION);
		v.put("department_code", i -> BenchData.DEPARTMENT);
		v.put("item_code", i -> BenchData.ITEM);
		v.put("staff_no", i -> BenchData.STAFF);
		v.put("window_code", i -> BenchData.WINDOW);
		v.put("rater_name_enc", i -> random(40));
		v.put("rater_cert_enc", i -> random(46));
		v.put("rater_cert_hash", i -> random(32));
		v.put("rater_mobile_enc", i -> random(39));
		v.put("rater_mobile_hash", i -> random(32));
		v.put("source", i -> "API");
		v.put("received_at", i -> Timestamp.from(Instant.now()));
		v.put("content_hash", i -> random(32));
		return v;
	}

	/** One connection's statement; {@link #insert} binds row {@code i} and executes it. */
	PreparedStatement prepare(Connection c) throws SQLException {
		c.setAutoCommit(true);
		return c.prepareStatement(sql);
	}

	void insert(PreparedStatement ps, long i) throws SQLException {
		int k = 1;
		for (Value v : values.values()) {
			ps.setObject(k++, v.of(i));
		}
		ps.executeUpdate();
	}

	private static byte[] random(int n) {
		byte[] b = new byte[n];
		ThreadLocalRandom.current().nextBytes(b);
		return b;
	}
}
