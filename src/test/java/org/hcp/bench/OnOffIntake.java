package org.hcp.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Single-rating intake with a feature off and on, alternating twice (off, on, off, on) so that a drift of the machine
 * falls on both sides; during an "on" phase the feature's job runs in the background as it would when scheduled.
 * The figure is the ratio of the mean rates, on / off.
 */
final class OnOffIntake {

	/** Turns the feature on or off (a trigger, a registered upper platform …). */
	interface Feature {
		void set(boolean on) throws Exception;
	}

	private OnOffIntake() {
	}

	/** The report lines: each phase, then the ratio with its target. */
	static List<String> measure(ServerProcess server, BenchData data, int ratings, Feature feature, String jobPath,
			long jobEveryMillis, String name) throws Exception {
		Load load = new Load(server.port);
		double[] on = new double[2];
		double[] off = new double[2];
		List<Bench.Phase> phases = new ArrayList<>();
		for (int round = 0; round < 2; round++) {
			feature.set(false);
			Bench.Phase p = Bench.phase(server, () -> load.singleRatings(data, ratings, Bench.THREADS), 1);
			off[round] = p.perSecond();
			phases.add(p);
			feature.set(true);
			AtomicBoolean running = new AtomicBoolean(true);
			Thread job = new Thread(() -> {
				try (PlainHttp jobClient = new PlainHttp("127.0.0.1", server.port, Bench.KEY)) {
					while (running.get()) {
						jobClient.post(jobPath, "");
						Thread.sleep(jobEveryMillis);
					}
				}
				catch (Exception stopped) {
					// the phase is over
				}
			});
			job.setDaemon(true);
			job.start();
			p = Bench.phase(server, () -> load.singleRatings(data, ratings, Bench.THREADS), 1);
			running.set(false);
			job.join(60_000);
			on[round] = p.perSecond();
			phases.add(p);
		}
		List<String> report = new ArrayList<>();
		for (int i = 0; i < phases.size(); i++) {
			Bench.Phase p = phases.get(i);
			report.add(String.format(Locale.ROOT, "intake %s round %d: %,d ratings in %.1f s = %.0f/s, p50 %.1f ms, p99 %.1f ms,"
					+ " server JVM %.2f ms + PostgreSQL %.2f ms CPU per rating", i % 2 == 0 ? "off" : "on ", i / 2 + 1,
					p.count(), p.seconds(), p.perSecond(), p.p50(), p.p99(), p.jvmMs(), p.dbMs()));
		}
		double offRate = (off[0] + off[1]) / 2;
		double onRate = (on[0] + on[1]) / 2;
		report.add(String.format(Locale.ROOT, "intake %s on / off: %.0f / %.0f ratings/s = %.1f %% (target ≥ 90 %%)", name,
				onRate, offRate, 100 * onRate / offRate));
		return report;
	}
}
