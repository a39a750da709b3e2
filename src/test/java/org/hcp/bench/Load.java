package org.hcp.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The HTTP phases: each load thread holds one keep-alive connection to the server. */
final class Load {

	private static final String FLOOR_PATH = "/api/v1/calendar/days/2026-10-01";

	private final int port;

	Load(int port) {
		this.port = port;
	}

	/** Gets the JIT and the pools going on every path that is measured afterwards; nothing of it is counted. */
	void warmUp(BenchData data) throws Exception {
		Bench.run(Bench.WARM_UP, Bench.THREADS, budget -> requests(budget, client -> get(client, FLOOR_PATH)));
		Bench.run(Bench.WARM_UP, Bench.THREADS,
				budget -> requests(budget, client -> post(client, "/api/v1/evaluations", data.ratingJson(data.nextCase()))));
		batches("/api/exchange/v1/evaluations", () -> data.evaluationBatch(Bench.BATCH_SIZE), 1, Bench.BATCH_SIZE);
		batches("/api/exchange/v1/services", () -> data.serviceBatch(Bench.SERVICE_SIZE), 1, Bench.SERVICE_SIZE);
	}

	Bench.Measured floor(int count, int threads) throws Exception {
		return Bench.run(count, threads, budget -> requests(budget, client -> get(client, FLOOR_PATH)));
	}

	Bench.Measured singleRatings(BenchData data, int count, int threads) throws Exception {
		return singleRatings(data, count, threads, 5, "501");
	}

	/** Single portal ratings where every {@code nth} is a 1-star one (opening a work order) and the rest 5-star. */
	Bench.Measured mixedRatings(BenchData data, int count, int threads, int nth) throws Exception {
		java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
		return Bench.run(count, threads, budget -> requests(budget, client -> {
			boolean bad = sent.incrementAndGet() % nth == 0;
			post(client, "/api/v1/evaluations", bad ? data.ratingJson(data.nextCase(), 1, "101") : data.ratingJson(data.nextCase()));
		}));
	}

	/** Single portal ratings of {@code level} stars; a bad one opens a work order after its commit. */
	Bench.Measured singleRatings(BenchData data, int count, int threads, int level, String indicator) throws Exception {
		return Bench.run(count, threads, budget -> requests(budget, client -> {
			String body = data.ratingJson(data.nextCase(), level, indicator);
			post(client, "/api/v1/evaluations", body);
		}));
	}

	/**
	 * A fixed arrival rate: request {@code i} is due at {@code t0 + i / rate}, and its latency counts from then, so
	 * time spent queueing (in the server or for a free connection) shows in the percentiles.
	 */
	Bench.Measured pacedRatings(BenchData data, int rate, int count, int threads) throws Exception {
		long interval = 1_000_000_000L / rate;
		long t0 = System.nanoTime() + 50_000_000L;
		int seconds = count / rate + Bench.PHASE_SECONDS;
		return Bench.run(count, threads, seconds, budget -> {
			List<Long> latencies = new ArrayList<>();
			try (PlainHttp client = client()) {
				int i;
				while ((i = budget.take()) >= 0) {
					long due = t0 + i * interval;
					long wait = due - System.nanoTime();
					if (wait > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
					post(client, "/api/v1/evaluations", data.ratingJson(data.nextCase()));
					latencies.add(System.nanoTime() - due);
				}
			}
			return latencies;
		});
	}

	/** Arrays of {@code size} records by {@link Bench#BATCH_THREADS} senders; every record must be accepted. */
	Bench.Measured batches(String path, Supplier<String> body, int count, int size) throws Exception {
		return batches(path, body, count, size, Bench.PHASE_SECONDS);
	}

	/** As above, stopping after {@code seconds} at the latest. */
	Bench.Measured batches(String path, Supplier<String> body, int count, int size, int seconds) throws Exception {
		return Bench.run(count, Bench.BATCH_THREADS, seconds, budget -> {
			try (PlainHttp client = client()) {
				List<Long> latencies = new ArrayList<>();
				while (budget.take() >= 0) {
					String records = body.get();
					long start = System.nanoTime();
					String answer = post(client, path, records);
					latencies.add(System.nanoTime() - start);
					if (!answer.replace(" ", "").contains("\"accepted\":" + size + ",")) {
						throw new IllegalStateException(path + " did not accept all " + size + " records: "
								+ answer.substring(0, Math.min(answer.length(), 600)));
					}
				}
				return latencies;
			}
		});
	}

	interface Request {
		void send(PlainHttp client) throws Exception;
	}

	private List<Long> requests(Bench.Budget budget, Request request) throws Exception {
		try (PlainHttp client = client()) {
			return Bench.timed(budget, i -> request.send(client));
		}
	}

	private PlainHttp client() {
		return new PlainHttp("127.0.0.1", port, Bench.KEY);
	}

	private static void get(PlainHttp client, String path) throws Exception {
		check(path, client.get(path));
	}

	private static String post(PlainHttp client, String path, String body) throws Exception {
		return check(path, client.post(path, body));
	}

	private static String check(String path, PlainHttp.Response response) {
		if (response.status() >= 300) {
			throw new IllegalStateException(path + " answered " + response.status() + ": " + response.body());
		}
		return response.body();
	}
}
