package org.hcp.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.hcp.HcpApplication;
import org.hcp.catalog.Catalog;
import org.hcp.evaluation.Channel;
import org.hcp.evaluation.Evaluations;
import org.hcp.evaluation.Rater;
import org.hcp.evaluation.RatingCommand;
import org.hcp.evaluation.Source;
import org.hcp.privacy.Mobile;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark (not a test): on one machine, in one run, measures
 * (a) single ratings over HTTP with every rule active, (b) batch exchange intake, and (c) the raw baseline — plain
 * JDBC single-row INSERTs of the same row shape with the same number of connections — and prints ratings/s,
 * p50/p99 latency and the ratios a/c and b/c. Run with {@code ./bench}; sizes via -Dbench.* properties.
 */
public final class Bench {

	static final int THREADS = Integer.getInteger("bench.threads", 16);
	static final int SINGLE = Integer.getInteger("bench.single", 20_000);
	static final int PACED_RATE = Integer.getInteger("bench.pacedRate", 2_000);
	static final int PACED_SECONDS = Integer.getInteger("bench.pacedSeconds", 10);
	static final int BATCHES = Integer.getInteger("bench.batches", 200);
	static final int BATCH_SIZE = Integer.getInteger("bench.batchSize", 1_000);
	static final int BATCH_THREADS = Integer.getInteger("bench.batchThreads", 2);
	static final String KEY = "bench-admin-key";
	static final int WARM_UP = 2_000;
	static final int SERVICE_ONLY = Integer.getInteger("bench.serviceOnly", 10_000);

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("spring.profiles.active", "bench");
		ConfigurableApplicationContext app = new SpringApplication(HcpApplication.class).run(
				"--server.port=0", "--hcp.security.bootstrap-api-key=" + KEY,
				"--hcp.privacy.key=YmVuY2gtb25seS1rZXktMDEyMzQ1Njc4OWFiY2RlZmdoaWpr",
				"--hcp.database.embedded.data-dir=./target/pg-bench", "--hcp.database.embedded.clean=true",
				"--spring.datasource.hikari.maximum-pool-size=" + (THREADS + 4),
				"--logging.level.root=warn", "--logging.level.org.hcp=warn");
		try {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			BenchData data = new BenchData(jdbc);
			int needed = WARM_UP + SERVICE_ONLY + SINGLE + PACED_RATE * PACED_SECONDS + (BATCHES + 1) * BATCH_SIZE;
			try {
				data.prepare(app.getBean(Catalog.class), needed);
			}
			catch (org.hcp.shared.HcpException e) {
				throw new IllegalStateException("Benchmark set-up refused: " + e.fields(), e);
			}
			System.err.println("bench: " + needed + " cases prepared; warming up");
			warmUp(port, data);

			System.err.println("bench: (c) raw inserts");
			Result raw = rawInserts(app.getBean(DataSource.class), SINGLE);
			System.err.println("bench: (s) rating service without HTTP");
			Result service = serviceRatings(app.getBean(Evaluations.class), data, SERVICE_ONLY, THREADS);
			System.err.println("bench: (a) single ratings");
			Result single = singleRatings(port, data, SINGLE, THREADS);
			System.err.println("bench: (a') paced ratings");
			Result paced = pacedRatings(port, data, PACED_RATE, PACED_SECONDS, THREADS);
			System.err.println("bench: (b) batch intake");
			Result batch = batchIntake(port, data, BATCHES, BATCH_SIZE, BATCH_THREADS);

			System.out.println();
			System.out.printf("machine: %d cores, %s, Java %s, PostgreSQL %s, synchronous_commit=%s%n", Runtime.getRuntime().availableProcessors(),
					System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
					jdbc.sql("show server_version").query(String.class).single(),
					jdbc.sql("show synchronous_commit").query(String.class).single());
			System.out.printf("connections/threads: %d (batch intake: %d threads × %d records)%n", THREADS, BATCH_THREADS,
					BATCH_SIZE);
			print("(c) raw JDBC single-row INSERT", raw);
			print("(s) same rules, in-process (no HTTP)", service);
			print("(a) single rating over HTTP, all rules", single);
			print("(a') single ratings paced at " + PACED_RATE + "/s", paced);
			print("(b) batch exchange intake", batch);
			System.out.printf(Locale.ROOT, "a/c = %.1f %%   (target >= 40 %%)%n", 100.0 * single.perSecond() / raw.perSecond());
			System.out.printf(Locale.ROOT, "b/c = %.1f x    (target b >= 50,000 ratings/s)%n", batch.perSecond() / raw.perSecond());
			System.out.printf(Locale.ROOT, "paced p99 = %.1f ms (target < 50 ms at 2,000 ratings/s; achieved %.0f/s)%n",
					paced.p99(), paced.perSecond());
		}
		finally {
			app.close();
		}
	}

	private static void warmUp(int port, BenchData data) throws Exception {
		try (PlainHttp client = new PlainHttp("127.0.0.1", port, KEY)) {
			for (int i = 0; i < WARM_UP; i++) {
				post(client, "/api/v1/evaluations", data.ratingJson(data.nextCase()));
			}
			post(client, "/api/exchange/v1/evaluations", data.exchangeBatch(BATCH_SIZE));
		}
	}

	/** (c): the same row shape into a same-shaped table, one autocommitted INSERT per row, THREADS connections. */
	static Result rawInserts(DataSource dataSource, int count) throws Exception {
		try (Connection c = dataSource.getConnection()) {
			c.createStatement().execute("drop table if exists bench_raw");
			c.createStatement().execute("create table bench_raw (like evl_evaluation including defaults including indexes)");
		}
		AtomicInteger next = new AtomicInteger();
		return run(count, THREADS, () -> {
			try (Connection c = dataSource.getConnection();
					PreparedStatement ps = c.prepareStatement("insert into bench_raw(case_id, case_no, service_no, slot,"
							+ " channel, level, indicators, indicator_version, comment, assessed_at, assess_number, is_default,"
							+ " scope, region_code, department_code, item_code, staff_no, window_code, rater_name_enc,"
							+ " rater_cert_enc, rater_cert_hash, rater_mobile_enc, rater_mobile_hash, source, received_at,"
							+ " content_hash) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
				c.setAutoCommit(true);
				List<Long> latencies = new ArrayList<>();
				int i;
				while ((i = next.getAndIncrement()) < count) {
					long start = System.nanoTime();
					bindRaw(ps, i);
					ps.executeUpdate();
					latencies.add(System.nanoTime() - start);
				}
				return latencies;
			}
		});
	}

	private static void bindRaw(PreparedStatement ps, int i) throws Exception {
		byte[] b16 = random(40);
		int k = 1;
		ps.setLong(k++, i);
		ps.setString(k++, "RAW" + i);
		ps.setInt(k++, 1);
		ps.setInt(k++, 0);
		ps.setString(k++, "WEB_PORTAL");
		ps.setShort(k++, (short) 5);
		ps.setString(k++, "501");
		ps.setInt(k++, 1);
		ps.setString(k++, null);
		ps.setTimestamp(k++, Timestamp.from(Instant.now()));
		ps.setShort(k++, (short) 1);
		ps.setBoolean(k++, false);
		ps.setString(k++, "SINGLE");
		ps.setString(k++, BenchData.REGION);
		ps.setString(k++, BenchData.DEPARTMENT);
		ps.setString(k++, BenchData.ITEM);
		ps.setString(k++, BenchData.STAFF);
		ps.setString(k++, BenchData.WINDOW);
		ps.setBytes(k++, b16);
		ps.setBytes(k++, b16);
		ps.setBytes(k++, random(32));
		ps.setBytes(k++, b16);
		ps.setBytes(k++, random(32));
		ps.setString(k++, "API");
		ps.setTimestamp(k++, Timestamp.from(Instant.now()));
		ps.setBytes(k, random(32));
	}

	/** (a): as fast as THREADS clients can go, one rating per request. */
	static Result singleRatings(int port, BenchData data, int count, int threads) throws Exception {
		AtomicInteger next = new AtomicInteger();
		return run(count, threads, () -> {
			List<Long> latencies = new ArrayList<>();
			try (PlainHttp client = new PlainHttp("127.0.0.1", port, KEY)) {
				while (next.getAndIncrement() < count) {
					String body = data.ratingJson(data.nextCase());
					long start = System.nanoTime();
					post(client, "/api/v1/evaluations", body);
					latencies.add(System.nanoTime() - start);
				}
			}
			return latencies;
		});
	}

	/** (s), diagnostic: the rating façade called in-process, to tell the rules' cost from the HTTP stack's. */
	static Result serviceRatings(Evaluations evaluations, BenchData data, int count, int threads) throws Exception {
		AtomicInteger next = new AtomicInteger();
		Rater rater = new Rater("张三", "111", "110101199003074512", new Mobile("13812345678"));
		return run(count, threads, () -> {
			List<Long> latencies = new ArrayList<>();
			while (next.getAndIncrement() < count) {
				long start = System.nanoTime();
				evaluations.rate(new RatingCommand(data.nextCase(), null, Channel.WEB_PORTAL, 5, List.of("501"), null, null,
						rater, false, Source.API));
				latencies.add(System.nanoTime() - start);
			}
			return latencies;
		});
	}

	/** (a'): a fixed arrival rate; latency counts from each request's scheduled start, so queueing shows. */
	static Result pacedRatings(int port, BenchData data, int rate, int seconds, int threads) throws Exception {
		int count = rate * seconds;
		long intervalNanos = 1_000_000_000L / rate;
		long t0 = System.nanoTime() + 50_000_000L;
		AtomicInteger next = new AtomicInteger();
		return run(count, threads, () -> {
			List<Long> latencies = new ArrayList<>();
			try (PlainHttp client = new PlainHttp("127.0.0.1", port, KEY)) {
				int i;
				while ((i = next.getAndIncrement()) < count) {
					long scheduled = t0 + i * intervalNanos;
					long wait = scheduled - System.nanoTime();
					if (wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
					post(client, "/api/v1/evaluations", data.ratingJson(data.nextCase()));
					latencies.add(System.nanoTime() - scheduled);
				}
			}
			return latencies;
		});
	}

	/** (b): arrays of exchange evaluation records; latency is per batch, throughput per record. */
	static Result batchIntake(int port, BenchData data, int batches, int size, int threads) throws Exception {
		AtomicInteger next = new AtomicInteger();
		Result perBatch = run(batches, threads, () -> {
			List<Long> latencies = new ArrayList<>();
			try (PlainHttp client = new PlainHttp("127.0.0.1", port, KEY)) {
				while (next.getAndIncrement() < batches) {
					String body = data.exchangeBatch(size);
					long start = System.nanoTime();
					String response = post(client, "/api/exchange/v1/evaluations", body);
					latencies.add(System.nanoTime() - start);
					if (!response.contains("\"accepted\":" + size)) {
						throw new IllegalStateException("Batch not fully accepted: " + response.substring(0, 300));
					}
				}
			}
			return latencies;
		});
		return new Result(perBatch.count() * size, perBatch.seconds(), perBatch.p50(), perBatch.p99());
	}

	private static java.util.concurrent.ThreadFactory daemon() {
		return r -> {
			Thread t = new Thread(r);
			t.setDaemon(true);
			return t;
		};
	}

	private static String post(PlainHttp client, String path, String body) throws Exception {
		PlainHttp.Response response = client.post(path, body);
		if (response.status() >= 300) {
			throw new IllegalStateException(path + " answered " + response.status() + ": " + response.body());
		}
		return response.body();
	}

	interface Worker {
		List<Long> work() throws Exception;
	}

	static Result run(int count, int threads, Worker worker) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
		long start = System.nanoTime();
		List<Long> all = new ArrayList<>();
		try {
			List<Future<List<Long>>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(worker::work));
			}
			for (Future<List<Long>> f : futures) {
				all.addAll(f.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Result(sorted.length, seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
	}

	private static double percentile(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	private static byte[] random(int n) {
		byte[] b = new byte[n];
		ThreadLocalRandom.current().nextBytes(b);
		return b;
	}

	private static void print(String name, Result r) {
		System.out.printf(Locale.ROOT, "%-42s %9.0f ratings/s   p50 %7.2f ms   p99 %7.2f ms   (%d in %.1f s)%n", name,
				r.perSecond(), r.p50(), r.p99(), r.count(), r.seconds());
	}

	record Result(long count, double seconds, double p50, double p99) {
		double perSecond() {
			return count / seconds;
		}
	}
}
