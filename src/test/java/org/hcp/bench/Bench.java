package org.hcp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark of issue §7 (not a test). This JVM is the load generator only: it starts the application as its
 * own JVM from the packaged jar ({@link ServerProcess}), prepares a catalog and completed cases, and then measures
 * from outside, in one run against the same PostgreSQL:
 * <ul>
 * <li>(c) the raw baseline: plain single-row INSERTs of the rating row shape, same number of connections;</li>
 * <li>(floor) a trivial authenticated GET that touches no database: what the framework costs per request;</li>
 * <li>(a) single ratings over HTTP with every rule, as fast as the connections go; target a/c ≥ 40 %;</li>
 * <li>(a') the same paced at half of (a)'s rate, latency from each request's scheduled start; target p99 &lt; 50 ms;</li>
 * <li>(b) exchange evaluation records in arrays; target ≥ 50,000 records/s;</li>
 * <li>(d) exchange service records in arrays; target ≥ 15,000 records/s.</li>
 * </ul>
 * Besides each rate it prints the CPU the server JVM and PostgreSQL used per operation, which on a shared machine
 * moves less than the rate. With {@code -Dbench.profile=true} the server runs under JDK Flight Recorder and the
 * top frames of phase (a) are printed. Sizes: see {@code docs/benchmarks.md}.
 */
public final class Bench {

	static final String KEY = "bench-admin-key-0123456789abcdef";
	static final int THREADS = Integer.getInteger("bench.threads", 16);
	static final int FLOOR = Integer.getInteger("bench.floor", 30_000);
	static final int RAW = Integer.getInteger("bench.raw", 30_000);
	static final int SINGLE = Integer.getInteger("bench.single", 15_000);
	static final int PACED_SECONDS = Integer.getInteger("bench.pacedSeconds", 10);
	static final int BATCHES = Integer.getInteger("bench.batches", 100);
	static final int BATCH_SIZE = Integer.getInteger("bench.batchSize", 1_000);
	static final int SERVICE_BATCHES = Integer.getInteger("bench.serviceBatches", 60);
	static final int SERVICE_SIZE = Integer.getInteger("bench.serviceSize", 500);
	static final int BATCH_THREADS = Integer.getInteger("bench.batchThreads", 2);
	static final int WARM_UP = Integer.getInteger("bench.warmUp", 3_000);
	/** No phase runs longer than this; a phase stopped by it reports what it did in that time. */
	static final int PHASE_SECONDS = Integer.getInteger("bench.phaseSeconds", 15);
	/** Work orders opened, dispatched, put through the deadline job and walked to 销号 (issue 6). */
	static final int ORDERS = Integer.getInteger("bench.orders", 100_000);
	/** In (e'), one rating in this many is a 1-star one (a conservative share: published bad-review rates are far lower). */
	static final int BAD_SHARE = Integer.getInteger("bench.badShare", 10);
	static final boolean PROFILE = Boolean.getBoolean("bench.profile");
	static final Path WORK = Path.of(System.getProperty("bench.dir", "target/bench"));

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(System.getProperty("bench.jar", "target/hcp-platform-0.1.0-SNAPSHOT.jar"));
		if (!Files.exists(jar)) {
			throw new IllegalStateException("No application jar at " + jar + ": run ./bench (it packages first)");
		}
		List<String> serverJvm = Arrays.stream(System.getProperty("bench.serverJvmArgs", "").split(" ")).filter(a -> !a.isBlank())
			.toList();
		if ("exchange".equals(System.getProperty("bench.suite", "intake"))) {
			// issue 9: the push upward — drain of a backlog after an outage, records/s, intake with the outbox on/off
			ExchangeBench.run(jar, serverJvm);
			return;
		}
		if ("statistics".equals(System.getProperty("bench.suite", "intake"))) {
			// issue 8: a generated province-year, its rollups, statistics latency, rankings, reports, intake on/off
			StatisticsBench.run(jar, serverJvm);
			return;
		}
		log("starting the application from " + jar + (PROFILE ? " under JDK Flight Recorder" : "") + "; log in " + WORK.resolve("server.log"));
		Results results;
		ServerProcess server = ServerProcess.start(jar, WORK, KEY, THREADS + 4, PROFILE, serverJvm);
		try (server; Connection db = DriverManager.getConnection(jdbcUrl(server), "postgres", "")) {
			results = measure(server, db);
			results.machine = machine(db);
		}
		catch (RuntimeException | Error e) {
			log("failed; the server's last lines:\n" + server.tail());
			throw e;
		}
		// the server has stopped: the flight recording is complete
		System.out.println();
		System.out.println(results.report());
		if (PROFILE) {
			String summary = Profile.summarize(server.jfr, results.profileFrom, results.profileTo, 25);
			Files.writeString(WORK.resolve("profile-a.txt"), summary);
			System.out.println("JFR profile of the server during (a), recording " + server.jfr + ":");
			System.out.println(summary);
			Files.writeString(WORK.resolve("profile-a-paced.txt"), Profile.summarize(server.jfr, results.pacedFrom, results.pacedTo, 25));
			Files.writeString(WORK.resolve("profile-b.txt"), Profile.summarize(server.jfr, results.batchFrom, results.batchTo, 25));
			Files.writeString(WORK.resolve("profile-d.txt"), Profile.summarize(server.jfr, results.servicesFrom, results.servicesTo, 25));
			System.out.println("(the same for (a'), (b) and (d) in " + WORK.resolve("profile-a-paced.txt") + ", profile-b.txt, profile-d.txt)");
		}
	}

	private static Results measure(ServerProcess server, Connection db) throws Exception {
		Results r = new Results();
		BenchData data = new BenchData();
		int cases = WARM_UP + BATCH_SIZE + 4 * SINGLE + BATCHES * BATCH_SIZE + ORDERS;
		try (PlainHttp admin = new PlainHttp("127.0.0.1", server.port, KEY)) {
			data.importCatalog(admin);
		}
		data.insertCompletedCases(db, cases);
		log(cases + " completed cases prepared; warming up");
		Load load = new Load(server.port);
		load.warmUp(data);

		log("(c) raw single-row INSERTs");
		RawInserts raw = new RawInserts(db);
		// connections opened before and closed after the phase, so that their backends' CPU is counted
		java.util.concurrent.BlockingQueue<Connection> connections = new java.util.concurrent.LinkedBlockingQueue<>();
		for (int t = 0; t < THREADS; t++) {
			connections.add(DriverManager.getConnection(jdbcUrl(server), "postgres", ""));
		}
		try {
			r.raw = phase(server, () -> run(RAW, THREADS, PHASE_SECONDS, budget -> {
				try (PreparedStatement ps = raw.prepare(connections.take())) {
					return timed(budget, i -> raw.insert(ps, i));
				}
			}), 1);
		}
		finally {
			for (Connection c : connections) {
				c.close();
			}
		}
		log("(floor) authenticated GET");
		r.floor = phase(server, () -> load.floor(FLOOR, THREADS), 1);
		log("(a) single ratings" + (PROFILE ? " (profiled)" : ""));
		r.profileFrom = Instant.now();
		r.single = phase(server, () -> load.singleRatings(data, SINGLE, THREADS), 1);
		r.profileTo = Instant.now();
		int pacedRate = Math.max(1, (int) (r.single.perSecond() / 2));
		int pacedCount = Math.min(SINGLE, pacedRate * PACED_SECONDS);
		log("(a') " + pacedCount + " ratings paced at " + pacedRate + "/s");
		r.pacedRate = pacedRate;
		r.pacedFrom = Instant.now();
		r.paced = phase(server, () -> load.pacedRatings(data, pacedRate, pacedCount, THREADS), 1);
		r.pacedTo = Instant.now();
		log("(b) exchange evaluation records, arrays of " + BATCH_SIZE);
		r.batchFrom = Instant.now();
		r.batch = phase(server, () -> load.batches("/api/exchange/v1/evaluations", () -> data.evaluationBatch(BATCH_SIZE), BATCHES,
				BATCH_SIZE), BATCH_SIZE);
		r.batchTo = Instant.now();
		r.servicesFrom = Instant.now();
		log("(d) exchange service records, arrays of " + SERVICE_SIZE);
		r.services = phase(server, () -> load.batches("/api/exchange/v1/services", () -> data.serviceBatch(SERVICE_SIZE),
				SERVICE_BATCHES, SERVICE_SIZE), SERVICE_SIZE);
		r.servicesTo = Instant.now();
		workOrders(server, db, data, load, r);
		return r;
	}

	/**
	 * Issue 6: (e) the single-rating intake of (a) with every rating a 1-star one, so each opens a work order, and
	 * the time until the last of those orders is open; (w) {@link #ORDERS} orders opened from exchange arrays of
	 * 1-star records, until all are open; the first check of each; the deadline job over all of them (verification
	 * overdue, then escalated); and each walked to 销号.
	 */
	private static void workOrders(ServerProcess server, Connection db, BenchData data, Load load, Results r) throws Exception {
		WorkOrderLoad orders = new WorkOrderLoad(server.port, db);
		long before = orders.count("select count(*) from rct_work_order");
		log("(e) single 1-star ratings, each opening a work order");
		Instant start = Instant.now();
		r.singleBad = phase(server, () -> load.singleRatings(data, SINGLE, THREADS, 1, "101"), 1);
		r.singleBadDrain = orders.awaitOrders(before + r.singleBad.count(), start).toMillis() / 1000.0 - r.singleBad.seconds();
		long opened = orders.count("select count(*) from rct_work_order");
		log("(e') single ratings, one in " + BAD_SHARE + " a 1-star one that opens a work order");
		start = Instant.now();
		r.singleMixed = phase(server, () -> load.mixedRatings(data, SINGLE, THREADS, BAD_SHARE), 1);
		orders.awaitOrders(opened + r.singleMixed.count() / BAD_SHARE, start);
		opened = orders.count("select count(*) from rct_work_order");
		int batches = Math.max(1, ORDERS / BATCH_SIZE);
		log("(w) " + batches * BATCH_SIZE + " work orders from exchange arrays of 1-star records");
		Instant openStart = Instant.now();
		ServerProcess.Cpu cpu = server.cpu();
		Measured posted = load.batches("/api/exchange/v1/evaluations", () -> data.evaluationBatch(BATCH_SIZE, 1, "111"), batches,
				BATCH_SIZE, PHASE_SECONDS * 40);
		double openSeconds = orders.awaitOrders(opened + posted.count() * BATCH_SIZE, openStart).toMillis() / 1000.0;
		ServerProcess.Cpu used = server.cpu().minus(cpu);
		long n = posted.count() * BATCH_SIZE;
		r.ordersOpened = new Phase(n, openSeconds, posted.p50(), posted.p99(), used.jvm() / 1e6 / n, used.database() / 1e6 / n);
		java.util.List<Long> received = orders.orderIds("RECEIVED");
		log("(w) first check of " + received.size() + " orders");
		r.ordersDispatched = phase(server, () -> orders.dispatch(received, THREADS), 1);
		Instant now = Instant.now();
		log("(w) the deadline job as of 3 and 10 days later");
		var overdue = orders.deadlineJob(now.plus(java.time.Duration.ofDays(3)));
		var escalated = orders.deadlineJob(now.plus(java.time.Duration.ofDays(10)));
		r.overdueJob = overdue.getKey();
		r.overdueReport = overdue.getValue();
		r.escalationJob = escalated.getKey();
		r.escalationReport = escalated.getValue();
		r.ordersInJob = received.size();
		java.util.List<Long> dispatched = orders.orderIds("DISPATCHED");
		log("(w) " + dispatched.size() + " orders walked to 销号 (verify, rectify, reply, revisit, close)");
		r.ordersClosed = phase(server, () -> orders.close(dispatched, THREADS), 1);
	}

	/** The embedded PostgreSQL trusts local connections of its superuser. */
	private static String jdbcUrl(ServerProcess server) {
		return "jdbc:postgresql://127.0.0.1:" + server.databasePort + "/hcp";
	}

	private static String machine(Connection db) throws SQLException {
		StringBuilder settings = new StringBuilder();
		try (ResultSet rs = db.createStatement().executeQuery("""
				select (select setting from pg_settings where name = 'server_version'),
				  (select setting from pg_settings where name = 'fsync'),
				  (select setting from pg_settings where name = 'synchronous_commit'),
				  (select setting from pg_settings where name = 'full_page_writes')""")) {
			rs.next();
			settings.append("PostgreSQL ").append(rs.getString(1)).append(" (fsync=").append(rs.getString(2))
				.append(", synchronous_commit=").append(rs.getString(3)).append(", full_page_writes=").append(rs.getString(4)).append(')');
		}
		long memory = 0;
		try {
			memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
				.getTotalMemorySize() >> 30;
		}
		catch (RuntimeException | LinkageError unknown) {
			// not a HotSpot JVM
		}
		return String.format(Locale.ROOT, "%d cores, %d GiB, %s %s, Java %s (%s), %s", Runtime.getRuntime().availableProcessors(),
				memory, System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
				System.getProperty("java.vm.name"), settings);
	}

	interface Task {
		Measured run() throws Exception;
	}

	/** Runs a phase and adds the server's CPU (JVM and PostgreSQL) spent during it, per operation. */
	static Phase phase(ServerProcess server, Task task, int perRequest) throws Exception {
		ServerProcess.Cpu before = server.cpu();
		Measured m = task.run();
		ServerProcess.Cpu used = server.cpu().minus(before);
		long operations = m.count() * perRequest;
		return new Phase(operations, m.seconds(), m.p50(), m.p99(), used.jvm() / 1e6 / operations, used.database() / 1e6 / operations);
	}

	interface Worker {
		List<Long> work(Budget budget) throws Exception;
	}

	interface Call {
		void call(int index) throws Exception;
	}

	/** The calls of one phase: {@code count} indexes, handed out until they run out or the phase's time is up. */
	static final class Budget {

		private final AtomicInteger taken = new AtomicInteger();
		private final int count;
		private final long until;

		Budget(int count, int seconds) {
			this.count = count;
			this.until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		}

		/** The next index, or -1 when the phase is over. */
		int take() {
			if (System.nanoTime() >= until) {
				return -1;
			}
			int i = taken.getAndIncrement();
			return i < count ? i : -1;
		}
	}

	/** Calls until the budget is spent; returns each call's latency in nanoseconds. */
	static List<Long> timed(Budget budget, Call call) throws Exception {
		List<Long> latencies = new ArrayList<>();
		int i;
		while ((i = budget.take()) >= 0) {
			long start = System.nanoTime();
			call.call(i);
			latencies.add(System.nanoTime() - start);
		}
		return latencies;
	}

	/** {@code threads} workers, each on its own connection, share one budget of {@code count} calls. */
	static Measured run(int count, int threads, Worker worker) throws Exception {
		return run(count, threads, PHASE_SECONDS, worker);
	}

	static Measured run(int count, int threads, int seconds, Worker worker) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r);
			t.setDaemon(true);
			return t;
		});
		Budget budget = new Budget(count, seconds);
		long start = System.nanoTime();
		List<Long> all = new ArrayList<>();
		try {
			List<Future<List<Long>>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> worker.work(budget)));
			}
			for (Future<List<Long>> f : futures) {
				all.addAll(f.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Measured(sorted.length, elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99));
	}

	private static double percentile(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	static void log(String line) {
		System.err.println("bench: " + line);
	}

	/** Requests done, wall time, latency percentiles in ms. */
	record Measured(long count, double seconds, double p50, double p99) {
	}

	/** Operations (rows, requests, records), wall time, latency per request, server CPU ms per operation. */
	record Phase(long count, double seconds, double p50, double p99, double jvmMs, double dbMs) {
		double perSecond() {
			return count / seconds;
		}
	}
}
