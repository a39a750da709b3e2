package org.hcp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hcp.demo.ProvinceYear;
import org.hcp.privacy.PersonalData;
import org.hcp.privacy.PrivacyProperties;

/**
 * The statistics suite of issue 8 §5 ({@code ./bench -Dbench.suite=statistics -Dbench.ratings=10000000}): starts
 * the packaged application as its own JVM, loads a generated province-year ({@link ProvinceYear}) over JDBC into its
 * database (timed), catches the rollups up through the job endpoint (timed), then measures from this process over
 * HTTP: statistics and dashboard latency for region × quarter (province, a city, a county) and department × month,
 * ranking computation time, quarterly report generation for the largest county (≈ 100,000 ratings a quarter at 10
 * million), and single-rating intake with the analytics triggers and rollup job on against off, in the same run.
 */
final class StatisticsBench {

	static final long RATINGS = Long.getLong("bench.ratings", 1_000_000L);
	static final int YEAR = Integer.getInteger("bench.year", 2025);
	static final String PREFIX = System.getProperty("bench.prefix", "61");
	static final int QUERIES = Integer.getInteger("bench.queries", 200);
	static final int INTAKE = Integer.getInteger("bench.intake", 6_000);
	static final int LOAD_THREADS = Integer.getInteger("bench.loadThreads", 2);
	private static final String ROLLUP_JOB = "/api/v1/admin/jobs/statistics-rollup/run";
	private static final String CATCH_UP = "/api/v1/admin/statistics/catch-up";

	private StatisticsBench() {
	}

	static void run(Path jar, List<String> serverJvm) throws Exception {
		List<String> report = new ArrayList<>();
		Bench.log("statistics suite: " + RATINGS + " ratings; starting the application from " + jar);
		ServerProcess server = ServerProcess.start(jar, Bench.WORK, Bench.KEY, Bench.THREADS + 4, Bench.PROFILE, serverJvm);
		String url = "jdbc:postgresql://127.0.0.1:" + server.databasePort + "/hcp";
		try (server; Connection db = DriverManager.getConnection(url, "postgres", "");
				PlainHttp admin = new PlainHttp("127.0.0.1", server.port, Bench.KEY)) {
			ProvinceYear province = new ProvinceYear(PREFIX, YEAR, ProvinceYear.Size.of(RATINGS), 20_250_101L);
			PersonalData personal = new PersonalData(new PrivacyProperties(ServerProcess.PRIVACY_KEY, null, false));
			Bench.log("loading the province-year over JDBC (COPY, " + LOAD_THREADS + " connections)");
			ServerProcess.Cpu cpu = server.cpu();
			ProvinceYear.Loaded loaded = province.load(() -> DriverManager.getConnection(url, "postgres", ""), personal, LOAD_THREADS);
			ServerProcess.Cpu loadCpu = server.cpu().minus(cpu);
			report.add(String.format(Locale.ROOT, "load: %,d ratings (%,d default, %,d bad, %,d work orders, %,d appeals, %,d exclusions), "
					+ "%,d cases, %,d revisit results, %,d regions, %,d departments, %,d windows, %,d staff in %.1f s (%.0f ratings/s; "
					+ "PostgreSQL CPU %.0f s)", loaded.ratings(), loaded.defaults(), loaded.bad(), loaded.workOrders(), loaded.appeals(),
					loaded.exclusions(), loaded.cases(), loaded.revisitResults(), loaded.regions(), loaded.departments(), loaded.windows(),
					loaded.staff(), loaded.took().toMillis() / 1000.0, loaded.ratings() / (loaded.took().toMillis() / 1000.0),
					loadCpu.database() / 1e9));
			report.add("work orders by state: " + loaded.ordersByState());
			report.add("queued: " + queued(db));
			report.add(String.format(Locale.ROOT, "database size after load: %.1f GiB", scalar(db, "select pg_database_size('hcp')") / 1073741824.0));
			Bench.log(report.get(0));

			// the admin endpoint, not the job: the job runner holds one transaction around a job run
			Bench.log("catching up the rollups (" + CATCH_UP + ")");
			long start = System.nanoTime();
			cpu = server.cpu();
			PlainHttp.Response caught = admin.post(CATCH_UP, "");
			double catchUp = (System.nanoTime() - start) / 1e9;
			ServerProcess.Cpu catchCpu = server.cpu().minus(cpu);
			report.add(String.format(Locale.ROOT, "catch-up: %.1f s (%.0f ratings/s; server JVM CPU %.0f s, PostgreSQL CPU %.0f s), answer %d %s",
					catchUp, loaded.ratings() / catchUp, catchCpu.jvm() / 1e9, catchCpu.database() / 1e9, caught.status(),
					abbreviate(caught.body())));
			report.add("queued after catch-up: " + queued(db));
			report.add(String.format(Locale.ROOT, "province in the rollups: %,d ratings; counted in the raw tables: %,d",
					scalar(db, "select coalesce(sum(n), 0) from ana_rating_rollup where dim = 'R' and key = '" + province.provinceCode() + "'"),
					scalar(db, "select count(*) from evl_counted where region_code like '" + PREFIX + "%'")));
			report.add(String.format(Locale.ROOT, "rollup rows: rating %,d, reason %,d, item %,d, bad fact %,d, bad %,d, case fact %,d, case %,d",
					scalar(db, "select count(*) from ana_rating_rollup"), scalar(db, "select count(*) from ana_reason_rollup"),
					scalar(db, "select count(*) from ana_item_bad_rollup"), scalar(db, "select count(*) from ana_bad_fact"),
					scalar(db, "select count(*) from ana_bad_rollup"), scalar(db, "select count(*) from ana_case_fact"),
					scalar(db, "select count(*) from ana_case_rollup")));
			Bench.log(report.get(report.size() - 3));

			String provinceCode = province.provinceCode();
			List<String> cities = province.regionsOfLevel(2);
			List<String> counties = province.regionsOfLevel(3);
			List<String> departments = province.departmentCodes();
			String capital = province.capitalCounty();
			report.add(String.format(Locale.ROOT, "largest county %s: %,d counted ratings in %dQ3", capital,
					scalar(db, "select count(*) from evl_counted where region_code like '" + capital.substring(0, 6) + "%' and assessed_at >= '"
							+ YEAR + "-07-01 00:00+08' and assessed_at < '" + YEAR + "-10-01 00:00+08'"), YEAR));

			Bench.log("latencies (" + QUERIES + " requests per kind, subjects and periods rotating)");
			Latency latency = new Latency(server.port);
			String[] quarters = { YEAR + "Q1", YEAR + "Q2", YEAR + "Q3", YEAR + "Q4" };
			latency.measure(report, "statistics region × quarter, province", i -> "/api/v1/statistics?dimension=REGION&key=" + provinceCode
					+ "&period=" + quarters[i % 4]);
			latency.measure(report, "statistics region × quarter, a city", i -> "/api/v1/statistics?dimension=REGION&key="
					+ cities.get(i % cities.size()) + "&period=" + quarters[i / cities.size() % 4]);
			latency.measure(report, "statistics region × quarter, a county", i -> "/api/v1/statistics?dimension=REGION&key="
					+ counties.get(i % counties.size()) + "&period=" + quarters[i / counties.size() % 4]);
			latency.measure(report, "statistics department × month", i -> "/api/v1/statistics?dimension=DEPARTMENT&key="
					+ departments.get(i * 7 % departments.size()) + "&period=" + month(i));
			latency.measure(report, "dashboard region × quarter, province", i -> "/api/v1/dashboard?region=" + provinceCode + "&period="
					+ quarters[i % 4]);
			latency.measure(report, "dashboard region × quarter, a city", i -> "/api/v1/dashboard?region=" + cities.get(i % cities.size())
					+ "&period=" + quarters[i / cities.size() % 4]);
			latency.measure(report, "dashboard region × quarter, a county", i -> "/api/v1/dashboard?region=" + counties.get(i % counties.size())
					+ "&period=" + quarters[i / counties.size() % 4]);

			Bench.log("rankings (first call computes; the answer is then cached)");
			for (String kind : List.of("REGION", "DEPARTMENT", "WINDOW", "STAFF")) {
				String region = kind.equals("REGION") ? provinceCode : capital;
				for (String adjust : List.of("false", "true")) {
					latency.once(report, "ranking " + kind + " of " + region + " " + YEAR + "Q3 adjust=" + adjust, "/api/v1/rankings?kind=" + kind
							+ "&region=" + region + "&period=" + YEAR + "Q3&adjust=" + adjust);
				}
			}
			latency.once(report, "ranking DEPARTMENT of the province " + YEAR, "/api/v1/rankings?kind=DEPARTMENT&region=" + provinceCode
					+ "&period=" + YEAR);

			Bench.log("quarterly report of the largest county");
			for (String kind : List.of("pdf", "xlsx")) {
				latency.once(report, "report " + capital + " " + YEAR + "Q3 ." + kind, "/api/v1/reports/" + capital + "/" + YEAR + "Q3." + kind);
				latency.once(report, "report " + capital + " " + YEAR + "Q2 ." + kind + " (second)", "/api/v1/reports/" + capital + "/" + YEAR
						+ "Q2." + kind);
			}

			// at this size a county's year or a city's quarter is the ≈ 100,000-rating report of the target
			for (String[] r : List.of(new String[] { capital, YEAR + "" }, new String[] { cities.get(0), YEAR + "Q3" })) {
				report.add(String.format(Locale.ROOT, "  (%s %s holds %,d counted ratings)", r[0], r[1], scalar(db, "select count(*) from evl_counted"
						+ " where region_code like '" + r[0].substring(0, r[0].equals(capital) ? 6 : 4) + "%' and assessed_at >= '"
						+ (r[1].endsWith("Q3") ? YEAR + "-07-01" : YEAR + "-01-01") + " 00:00+08' and assessed_at < '"
						+ (r[1].endsWith("Q3") ? YEAR + "-10-01" : (YEAR + 1) + "-01-01") + " 00:00+08'")));
				for (String kind : List.of("pdf", "xlsx")) {
					latency.once(report, "report " + r[0] + " " + r[1] + " ." + kind, "/api/v1/reports/" + r[0] + "/" + r[1] + "." + kind);
				}
			}

			Bench.log("the recompute check over raw tables (admin endpoint)");
			for (String[] unit : List.of(new String[] { "REGION", capital, YEAR + "Q3" }, new String[] { "REGION", cities.get(0), YEAR + "Q3" },
					new String[] { "DEPARTMENT", departments.get(0), YEAR + "-07" }, new String[] { "REGION", provinceCode, YEAR + "" })) {
				long t = System.nanoTime();
				PlainHttp.Response r = admin.post("/api/v1/admin/statistics/check?dimension=" + unit[0] + "&key=" + unit[1] + "&period=" + unit[2], "");
				// the answer lists each count as served and as recomputed
				java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"served\":(\\d+),\"recomputed\":(\\d+)").matcher(r.body());
				int lines = 0;
				int unequal = 0;
				while (m.find()) {
					lines++;
					unequal += m.group(1).equals(m.group(2)) ? 0 : 1;
				}
				report.add(String.format(Locale.ROOT, "recompute check %s %s %s: %d, %d counts compared, %d unequal, in %.1f s", unit[0], unit[1],
						unit[2], r.status(), lines, unequal, (System.nanoTime() - t) / 1e9));
				Bench.log(report.get(report.size() - 1));
			}

			intake(server, db, admin, report);
			report.add("machine: " + machine(db));
		}
		catch (RuntimeException | Error e) {
			Bench.log("failed; the server's last lines:\n" + server.tail());
			throw e;
		}
		finally {
			String text = String.join("\n", report);
			System.out.println();
			System.out.println("statistics suite, " + RATINGS + " ratings:");
			System.out.println(text);
			Files.writeString(Bench.WORK.resolve("statistics-" + RATINGS + ".txt"), text + "\n");
		}
	}

	/**
	 * Single ratings over HTTP with the analytics triggers on and the rollup job running every 2 s, against the same
	 * with the triggers disabled and no job: alternating off, on, off, on so that drift (a growing table) hits both.
	 */
	private static void intake(ServerProcess server, Connection db, PlainHttp admin, List<String> report) throws Exception {
		Bench.log("intake with analytics on and off");
		BenchData data = new BenchData();
		data.importCatalog(admin);
		data.insertCompletedCases(db, Bench.WARM_UP + 4 * INTAKE + 100);
		Bench.run(Bench.WARM_UP, Bench.THREADS, budget -> {
			try (PlainHttp client = new PlainHttp("127.0.0.1", server.port, Bench.KEY)) {
				return Bench.timed(budget, i -> client.post("/api/v1/evaluations", data.ratingJson(data.nextCase())));
			}
		});
		// the cases prepared above were queued by the case trigger: drained first, so the job in the "on" phases only
		// follows what those phases add
		admin.post(CATCH_UP, "");
		report.addAll(OnOffIntake.measure(server, data, INTAKE, on -> triggers(db, on), ROLLUP_JOB, 2000, "analytics"));
	}

	private static void triggers(Connection db, boolean enable) throws SQLException {
		String verb = enable ? "enable" : "disable";
		try (Statement s = db.createStatement()) {
			s.execute("alter table evl_evaluation " + verb + " trigger ana_rating_stored");
			s.execute("alter table evl_exclusion " + verb + " trigger ana_rating_excluded");
			s.execute("alter table rct_work_order " + verb + " trigger ana_order_changed");
			s.execute("alter table cas_case " + verb + " trigger ana_case_changed");
		}
	}

	private static String month(int i) {
		return String.format(Locale.ROOT, "%d-%02d", YEAR, 1 + i % 12);
	}

	private static String queued(Connection db) throws SQLException {
		return String.format(Locale.ROOT, "rating changes %,d, order changes %,d, case changes %,d", scalar(db, "select count(*) from ana_rating_change"),
				scalar(db, "select count(*) from ana_order_change"), scalar(db, "select count(*) from ana_case_change"));
	}

	static long scalar(Connection db, String sql) throws SQLException {
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static String abbreviate(String body) {
		String flat = body.replace('\n', ' ');
		return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
	}

	private static String machine(Connection db) throws SQLException {
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
				select (select setting from pg_settings where name = 'server_version'),
				  (select setting from pg_settings where name = 'shared_buffers'),
				  (select setting from pg_settings where name = 'work_mem')""")) {
			rs.next();
			return String.format(Locale.ROOT, "%d cores, %d GiB, %s %s, Java %s, PostgreSQL %s (shared_buffers %s × 8 kB, work_mem %s kB)",
					Runtime.getRuntime().availableProcessors(),
					((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
						.getTotalMemorySize() >> 30,
					System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"), rs.getString(1),
					rs.getString(2), rs.getString(3));
		}
	}

	interface Path2 {
		String of(int i);
	}

	/** Sequential requests on one keep-alive connection; a path that does not answer 200 is reported, not fatal. */
	static final class Latency {

		private final int port;

		Latency(int port) {
			this.port = port;
		}

		void measure(List<String> report, String what, Path2 path) throws Exception {
			try (PlainHttp client = new PlainHttp("127.0.0.1", port, Bench.KEY)) {
				PlainHttp.Response first = client.get(path.of(0));
				if (first.status() != 200) {
					report.add(what + ": not measured, " + path.of(0) + " answered " + first.status() + " " + abbreviate(first.body()));
					Bench.log(report.get(report.size() - 1));
					return;
				}
				for (int i = 1; i < Math.min(20, QUERIES); i++) {
					client.get(path.of(QUERIES + i));
				}
				long[] nanos = new long[QUERIES];
				long bytes = 0;
				for (int i = 0; i < QUERIES; i++) {
					long t = System.nanoTime();
					PlainHttp.Response r = client.get(path.of(i));
					nanos[i] = System.nanoTime() - t;
					bytes += r.body().length();
					if (r.status() != 200) {
						throw new IllegalStateException(path.of(i) + " answered " + r.status() + ": " + abbreviate(r.body()));
					}
				}
				java.util.Arrays.sort(nanos);
				report.add(String.format(Locale.ROOT, "%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests, ~%d chars each)", what,
						pct(nanos, 0.50), pct(nanos, 0.95), pct(nanos, 0.99), nanos[nanos.length - 1] / 1e6, QUERIES, bytes / QUERIES));
				Bench.log(report.get(report.size() - 1));
			}
		}

		void once(List<String> report, String what, String path) throws Exception {
			try (PlainHttp client = new PlainHttp("127.0.0.1", port, Bench.KEY)) {
				long t = System.nanoTime();
				PlainHttp.Response r = client.get(path);
				double ms = (System.nanoTime() - t) / 1e6;
				long t2 = System.nanoTime();
				client.get(path);
				double again = (System.nanoTime() - t2) / 1e6;
				report.add(String.format(Locale.ROOT, "%s: %s in %.0f ms (again %.0f ms, %d chars)", what,
						r.status() == 200 ? "200" : "answered " + r.status() + " " + abbreviate(r.body()), ms, again, r.body().length()));
				Bench.log(report.get(report.size() - 1));
			}
		}

		private static double pct(long[] sorted, double p) {
			return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
		}
	}
}
