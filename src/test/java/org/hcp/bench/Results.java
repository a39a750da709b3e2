package org.hcp.bench;

import java.time.Instant;
import java.util.Locale;

/** The figures of one run, printed as rates, ratios to the raw baseline (c), and the targets. */
final class Results {

	static final double TARGET_A_OF_C = 0.40;
	static final double TARGET_P99_MS = 50;
	static final double TARGET_EVALUATIONS = 50_000;
	static final double TARGET_SERVICES = 15_000;

	String machine;
	Bench.Phase raw;
	Bench.Phase floor;
	Bench.Phase single;
	Bench.Phase paced;
	Bench.Phase batch;
	Bench.Phase services;
	Bench.Phase singleBad;
	Bench.Phase singleMixed;
	double singleBadDrain;
	Bench.Phase ordersOpened;
	Bench.Phase ordersDispatched;
	Bench.Phase ordersClosed;
	double overdueJob;
	String overdueReport;
	double escalationJob;
	String escalationReport;
	int ordersInJob;
	int pacedRate;
	Instant profileFrom;
	Instant profileTo;
	Instant pacedFrom;
	Instant pacedTo;
	Instant batchFrom;
	Instant batchTo;
	Instant servicesFrom;
	Instant servicesTo;

	String report() {
		StringBuilder out = new StringBuilder();
		out.append("machine: ").append(machine).append('\n');
		out.append(String.format(Locale.ROOT, "load: a separate JVM, %d connections (arrays: %d senders)%n", Bench.THREADS,
				Bench.BATCH_THREADS));
		out.append(String.format(Locale.ROOT, "%-52s %10s %8s %9s %9s   %s%n", "phase", "per second", "vs (c)", "p50 ms",
				"p99 ms", "server CPU ms per op: JVM + PostgreSQL"));
		line(out, "(c)     raw single-row INSERT, autocommit", raw);
		line(out, "(floor) GET calendar day with API key (no DB)", floor);
		line(out, "(a)     single rating over HTTP, every rule", single);
		line(out, "(a')    single ratings paced at " + pacedRate + "/s (half of a)", paced);
		line(out, "(b)     exchange evaluation records, arrays of " + Bench.BATCH_SIZE, batch);
		line(out, "(d)     exchange service records, arrays of " + Bench.SERVICE_SIZE, services);
		line(out, "(e)     single 1-star rating, each opening a work order", singleBad);
		out.append(String.format(Locale.ROOT, "        the last of (e)'s work orders open %.1f s after the last rating%n", singleBadDrain));
		line(out, "(e')    single ratings, 1 in " + Bench.BAD_SHARE + " a 1-star one", singleMixed);
		line(out, "(w)     work orders opened from 1-star exchange arrays", ordersOpened);
		line(out, "(w)     first check (dispatch), one request per order", ordersDispatched);
		out.append(String.format(Locale.ROOT, "        deadline job over %d dispatched orders: %.1f s (overdue), %.1f s (escalation)%n",
				ordersInJob, overdueJob, escalationJob));
		out.append("          ").append(overdueReport).append('\n').append("          ").append(escalationReport).append('\n');
		line(out, "(w)     walked to 销号: 5 requests per order", ordersClosed);
		out.append('\n').append("targets:\n");
		target(out, String.format(Locale.ROOT, "e'/a = %.1f %% (1 in %d opening a work order)", 100 * singleMixed.perSecond()
				/ single.perSecond(), Bench.BAD_SHARE), ">= 90 %", singleMixed.perSecond() >= 0.9 * single.perSecond());
		target(out, String.format(Locale.ROOT, "e/a = %.1f %% (worst case: every rating opens one)", 100 * singleBad.perSecond()
				/ single.perSecond()), ">= 90 %", singleBad.perSecond() >= 0.9 * single.perSecond());
		target(out, String.format(Locale.ROOT, "a/c = %.1f %% (floor/c = %.1f %%)", 100 * single.perSecond() / raw.perSecond(),
				100 * floor.perSecond() / raw.perSecond()), ">= 40 %", single.perSecond() >= TARGET_A_OF_C * raw.perSecond());
		target(out, String.format(Locale.ROOT, "a' p99 = %.1f ms at %.0f/s", paced.p99(), paced.perSecond()), "< 50 ms",
				paced.p99() < TARGET_P99_MS);
		target(out, String.format(Locale.ROOT, "b = %.0f records/s (b/c = %.2f)", batch.perSecond(), batch.perSecond() / raw.perSecond()),
				">= 50,000/s", batch.perSecond() >= TARGET_EVALUATIONS);
		target(out, String.format(Locale.ROOT, "d = %.0f records/s (d/c = %.2f)", services.perSecond(),
				services.perSecond() / raw.perSecond()), ">= 15,000/s", services.perSecond() >= TARGET_SERVICES);
		return out.toString();
	}

	private void line(StringBuilder out, String name, Bench.Phase p) {
		out.append(String.format(Locale.ROOT, "%-52s %10.0f %7.1f%% %9.2f %9.2f   %.3f + %.3f   (%d in %.1f s)%n", name,
				p.perSecond(), 100 * p.perSecond() / raw.perSecond(), p.p50(), p.p99(), p.jvmMs(), p.dbMs(), p.count(), p.seconds()));
	}

	private static void target(StringBuilder out, String figure, String target, boolean met) {
		out.append(String.format(Locale.ROOT, "  %-52s target %-12s %s%n", figure, target, met ? "met" : "MISSED"));
	}
}
