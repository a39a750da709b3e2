package org.hcp.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The work-order phases (issue 6): bad ratings that open orders, the deadline job over them, and every order walked
 * to 销号 over the REST API, one step per request, as the people would (here with the admin key, which may take
 * every step, so that what is measured is the work order and not password hashing).
 */
final class WorkOrderLoad {

	private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

	private final int port;
	private final Connection db;

	WorkOrderLoad(int port, Connection db) {
		this.port = port;
		this.db = db;
	}

	/** Waits until {@code expected} orders exist (they open after commit, from the event publication registry). */
	Duration awaitOrders(long expected, Instant since) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		while (count("select count(*) from rct_work_order") < expected) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("only " + count("select count(*) from rct_work_order") + " of " + expected
						+ " work orders opened within 10 minutes");
			}
			TimeUnit.MILLISECONDS.sleep(20);
		}
		return Duration.between(since, Instant.now());
	}

	long count(String sql) throws SQLException {
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	List<Long> orderIds(String state) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("select id from rct_work_order where state = '" + state + "' order by id")) {
			while (rs.next()) {
				ids.add(rs.getLong(1));
			}
		}
		return ids;
	}

	/** First check (valid → dispatched) of every order: each one request. */
	Bench.Measured dispatch(List<Long> ids, int threads) throws Exception {
		return Bench.run(ids.size(), threads, Bench.PHASE_SECONDS * 20, budget -> {
			try (PlainHttp client = client()) {
				return Bench.timed(budget, i -> step(client, ids.get(i), "dispatch", 0, "{}"));
			}
		});
	}

	/** The deadline job as of {@code asOf}; returns its seconds and the job's report. */
	Map.Entry<Double, String> deadlineJob(Instant asOf) throws Exception {
		try (PlainHttp client = client()) {
			long start = System.nanoTime();
			PlainHttp.Response r = client.post("/api/v1/admin/jobs/work-order-deadlines/run?asOf=" + asOf, "");
			double seconds = (System.nanoTime() - start) / 1e9;
			if (r.status() >= 300) {
				throw new IllegalStateException("the deadline job answered " + r.status() + ": " + r.body());
			}
			return Map.entry(seconds, r.body());
		}
	}

	/**
	 * Every dispatched order walked to 销号: verify, rectify at once, reply, revisit (satisfied), close — five requests
	 * per order, each with the version the previous step answered. One latency per order (all five steps).
	 */
	Bench.Measured close(List<Long> ids, int threads) throws Exception {
		return Bench.run(ids.size(), threads, Bench.PHASE_SECONDS * 40, budget -> {
			try (PlainHttp client = client()) {
				return Bench.timed(budget, i -> {
					long id = ids.get(i);
					int v = currentVersion(client, id);
					v = step(client, id, "verify", v, ",\"contacted\":\"评价人\",\"contactMethod\":\"电话\",\"findings\":\"情况属实\"");
					v = step(client, id, "rectify-at-once", v, ",\"evidence\":\"已当场整改并培训窗口人员\"");
					v = step(client, id, "reply", v, ",\"text\":\"您反映的问题已整改，感谢监督。\"");
					v = step(client, id, "revisit", v, ",\"outcome\":\"SATISFIED\",\"note\":\"电话回访满意\"");
					step(client, id, "close", v, ",\"note\":\"销号\"");
				});
			}
		});
	}

	private int currentVersion(PlainHttp client, long id) throws Exception {
		PlainHttp.Response r = client.get("/api/v1/work-orders/" + id);
		return version(r, id, "read");
	}

	/** One step; {@code fields} is "{}" (no version) or the fields after the version. Returns the new version. */
	private int step(PlainHttp client, long id, String action, int version, String fields) throws Exception {
		String body;
		if (fields.equals("{}")) {
			body = "{\"version\":" + currentVersion(client, id) + "}";
		}
		else {
			body = "{\"version\":" + version + fields + "}";
		}
		return version(client.post("/api/v1/work-orders/" + id + "/" + action, body), id, action);
	}

	private static int version(PlainHttp.Response r, long id, String action) {
		if (r.status() >= 300) {
			throw new IllegalStateException("order " + id + " " + action + " answered " + r.status() + ": " + r.body());
		}
		Matcher m = VERSION.matcher(r.body());
		if (!m.find()) {
			throw new IllegalStateException("order " + id + " " + action + ": no version in " + r.body());
		}
		return Integer.parseInt(m.group(1));
	}

	private PlainHttp client() {
		return new PlainHttp("127.0.0.1", port, Bench.KEY);
	}
}
