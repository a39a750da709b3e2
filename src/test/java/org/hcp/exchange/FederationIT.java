package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hcp.shared.ChinaTime;
import org.hcp.support.Http;
import org.hcp.support.PackagedInstance;
import org.hcp.support.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * The same software at every level (issue 9 §3): the packaged jar started twice, a county and its city, each with its
 * own embedded PostgreSQL and port. The county registers the city as its upper platform (with the city's
 * /public-key), the city registers the county as a lower one; then ratings and rectification steps made at the county
 * reach the city in the national envelope with SM2 — in real time, and after a 60-second outage of the city, all of
 * them, none twice, in order per case.
 */
// two embedded servers of their own: the run against a PostgreSQL server (HCP_DB_URL) has nothing to add
@DisabledIfEnvironmentVariable(named = "HCP_DB_URL", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationIT {

	private static final String COUNTY_APP = "county330106";
	private static final String CITY_APP = "city330100";
	private static final String COUNTY_REGION = "330106000000";
	private static final String DEPARTMENT = "11330106MB0000001G";
	private static final String SECRET = "federation-secret-issued-by-the-city";
	private static final Duration REAL_TIME = Duration.ofSeconds(2);
	private static final Duration OUTAGE = Duration.ofSeconds(60);
	private static final Duration LOAD_EVERY = Duration.ofMillis(500);
	private static final int LOAD_AT_MOST = 200;
	private static final Duration CATCH_UP_WITHIN = Duration.ofSeconds(120);
	private static final DateTimeFormatter TIME = ChinaTime.EXCHANGE;

	@TempDir
	static Path dir;

	private PackagedInstance county;
	private PackagedInstance city;

	@BeforeAll
	void twoInstancesThatKnowEachOther() throws Exception {
		city = new PackagedInstance("city", dir, List.of("--hcp.exchange.app-id=" + CITY_APP, "--hcp.jobs.scheduling=true"))
			.start();
		// a short backoff, so that the catch-up after the outage is not spent waiting for a ten-minute retry
		county = new PackagedInstance("county", dir, List.of("--hcp.exchange.app-id=" + COUNTY_APP,
				"--hcp.jobs.scheduling=true", "--hcp.exchange.push.every=250ms", "--hcp.exchange.push.backoff-max=4s",
				"--hcp.exchange.push.timeout=3s")).start();
		for (PackagedInstance at : List.of(city, county)) {
			region(at, "330000000000", "浙江省");
			region(at, "330100000000", "杭州市");
			region(at, COUNTY_REGION, "西湖区");
		}
		String countyKey = publicKey(county);
		String cityKey = publicKey(city);

		Map<String, Object> lower = peer(COUNTY_APP, "西湖区好差评平台", "LOWER", COUNTY_REGION, countyKey);
		Http.Reply registered = city.admin().post("/api/v1/admin/exchange/peers", lower);
		assertThat(registered.status()).as(registered.toString()).isIn(200, 201);
		assertThat(registered.text()).doesNotContain(SECRET);

		Map<String, Object> upper = peer(CITY_APP, "杭州市好差评平台", "UPPER", "330100000000", cityKey);
		upper.put("endpoint", city.base() + "/api/exchange/v1/national");
		upper.put("ourAppId", COUNTY_APP);
		Http.Reply registeredUpper = county.admin().post("/api/v1/admin/exchange/peers", upper);
		assertThat(registeredUpper.status()).as(registeredUpper.toString()).isIn(200, 201);
	}

	@AfterAll
	void stopBoth() throws Exception {
		if (county != null) {
			county.close();
		}
		if (city != null) {
			city.close();
		}
	}

	@Test
	@Order(1)
	void a_rating_made_at_the_county_appears_at_the_city_within_two_seconds() throws Exception {
		String projectNo = projectNo("RT");
		rateAtCounty(projectNo, 5);
		long rated = System.nanoTime();
		Optional<JsonNode> arrived = Optional.empty();
		while (arrived.isEmpty() && System.nanoTime() - rated < REAL_TIME.toNanos() + Duration.ofSeconds(8).toNanos()) {
			arrived = ratingAtCity(projectNo);
			if (arrived.isEmpty()) {
				Thread.sleep(50);
			}
		}
		Duration took = Duration.ofNanos(System.nanoTime() - rated);
		assertThat(arrived).as("the rating at the city; " + county.log()).isPresent();
		assertThat(took).as("from the county's 201 to the city showing it").isLessThanOrEqualTo(REAL_TIME);
		assertThat(arrived.get().path("satisfaction").asInt()).isEqualTo(5);
		// the rater's identity travelled encrypted and is masked at the city as anywhere
		assertThat(arrived.get().path("mobile").asString()).isEqualTo("138****5678");
	}

	@Test
	@Order(2)
	void a_bad_reviews_rectification_steps_recorded_at_the_county_update_the_citys_read_only_order() throws Exception {
		String projectNo = projectNo("BAD");
		rateAtCounty(projectNo, 1);
		long countyOrder = orderOf(county, projectNo, Duration.ofSeconds(20));
		dispatchAndVerify(countyOrder);

		long cityOrder = orderOf(city, projectNo, Duration.ofSeconds(20));
		awaitState(city, cityOrder, "VERIFIED", Duration.ofSeconds(10));
		assertThat(states(city, cityOrder)).as("the city's audit follows the county's steps in order")
			.isEqualTo(states(county, countyOrder));
		Http.Reply refused = city.admin().post("/api/v1/work-orders/" + cityOrder + "/close",
				Map.of("version", version(city, cityOrder), "note", "市级不可办理"));
		assertThat(refused.status()).as("the city cannot act on the county's order: " + refused).isEqualTo(409);
		assertThat(refused.json().path("code").asString()).isEqualTo("REMOTE_ORDER");
	}

	@Test
	@Order(3)
	void with_the_city_down_for_a_minute_under_load_everything_arrives_once_and_in_order_per_case() throws Exception {
		List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService load = Executors.newSingleThreadExecutor();
		Future<?> loading = load.submit(() -> {
			for (int i = 0; !stop.get() && i < LOAD_AT_MOST; i++) {
				String projectNo = projectNo("OUT" + i + "X");
				try {
					rateAtCounty(projectNo, i % 5 == 4 ? 1 : 4);
					acknowledged.add(projectNo);
					Thread.sleep(LOAD_EVERY.toMillis());
				}
				catch (InterruptedException e) {
					return;
				}
				catch (AssertionError | RuntimeException e) {
					// a refused rating is not part of what must arrive
				}
			}
		});
		Thread.sleep(3_000);
		city.kill();
		long down = System.nanoTime();

		// steps of bad reviews made while the city is away: they queue behind their ratings
		Map<String, Long> stepped = new LinkedHashMap<>();
		while (stepped.size() < 2 && System.nanoTime() - down < OUTAGE.toNanos() / 2) {
			for (String projectNo : List.copyOf(acknowledged)) {
				if (projectNo.contains("OUT") && bad(projectNo) && !stepped.containsKey(projectNo) && stepped.size() < 2
						&& ratedAfterTheKill(projectNo, acknowledged)) {
					long order = orderOf(county, projectNo, Duration.ofSeconds(20));
					dispatchAndVerify(order);
					stepped.put(projectNo, order);
				}
			}
			Thread.sleep(500);
		}
		assertThat(stepped).as("bad reviews handled at the county during the outage").hasSize(2);
		Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - down).toMillis()));
		JsonNode backlog = county.admin().get("/api/v1/exchange/backlog").json();
		assertThat(backlog.path("pending").asLong() + backlog.path("failed").asLong()).as("the county's backlog: " + backlog)
			.isPositive();

		city.start();
		Thread.sleep(5_000);
		stop.set(true);
		loading.get(30, java.util.concurrent.TimeUnit.SECONDS);
		load.shutdown();

		Map<String, Integer> atCity = awaitAll(acknowledged);
		assertThat(atCity).as("ratings at the city per case (of " + acknowledged.size() + "); " + county.log())
			.allSatisfy((projectNo, count) -> assertThat(count).as(projectNo).isEqualTo(1));
		for (String projectNo : acknowledged) {
			assertThat(city.admin().get("/api/v1/cases/" + projectNo).json().path("services").size())
				.as("service records of " + projectNo + " at the city").isEqualTo(1);
		}
		for (Map.Entry<String, Long> s : stepped.entrySet()) {
			long cityOrder = orderOf(city, s.getKey(), Duration.ofSeconds(30));
			awaitState(city, cityOrder, "VERIFIED", Duration.ofSeconds(30));
			assertThat(states(city, cityOrder)).as("the city's audit of " + s.getKey() + ", in step order")
				.isEqualTo(states(county, s.getValue()));
		}
	}

	// ------------------------------------------------------------------------------------------------ helpers

	private static boolean bad(String projectNo) {
		int i = Integer.parseInt(projectNo.replaceAll("^.*OUT(\\d+)X.*$", "$1"));
		return i % 5 == 4;
	}

	/** Only ratings made after the kill are certain to wait for the city together with their steps. */
	private static boolean ratedAfterTheKill(String projectNo, List<String> acknowledged) {
		return acknowledged.indexOf(projectNo) >= 6;
	}

	private Map<String, Integer> awaitAll(List<String> acknowledged) throws InterruptedException {
		Map<String, Integer> counts = new ConcurrentHashMap<>();
		long deadline = System.nanoTime() + CATCH_UP_WITHIN.toNanos();
		List<String> missing = new ArrayList<>(acknowledged);
		while (!missing.isEmpty() && System.nanoTime() < deadline) {
			for (String projectNo : List.copyOf(missing)) {
				JsonNode stored = city.admin().get("/api/exchange/v1/evaluations?projectNo=" + projectNo).json();
				int n = stored.path("evaluations").size();
				if (n > 0) {
					counts.put(projectNo, n);
					missing.remove(projectNo);
				}
			}
			Thread.sleep(500);
		}
		missing.forEach(projectNo -> counts.put(projectNo, 0));
		return counts;
	}

	private void dispatchAndVerify(long order) {
		People people = new People(county.port());
		People.Person hotline = people.hotline(COUNTY_REGION);
		People.Person department = people.department(COUNTY_REGION, DEPARTMENT);
		String path = "/api/v1/work-orders/" + order;
		int v = versionOf(hotline.api().get(path));
		v = versionOf(hotline.api().post(path + "/dispatch", Map.of("version", v)));
		versionOf(department.api().post(path + "/verify",
				Map.of("version", v, "contacted", "评价人", "contactMethod", "电话", "findings", "等候时间过长属实")));
	}

	private static int versionOf(Http.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json().path("version").asInt(reply.json().path("order").path("version").asInt());
	}

	private static int version(PackagedInstance at, long order) {
		return versionOf(at.admin().get("/api/v1/work-orders/" + order));
	}

	/** The order of a case in an instance's ledger, once it is there. */
	private static long orderOf(PackagedInstance at, String projectNo, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			for (int page = 0; page < 50; page++) {
				JsonNode items = at.admin().get("/api/v1/work-orders?size=200&page=" + page).json().path("items");
				if (items.isEmpty()) {
					break;
				}
				for (JsonNode item : items) {
					for (JsonNode caseNo : item.path("caseNos")) {
						if (caseNo.asString().equals(projectNo)) {
							return item.path("id").asLong();
						}
					}
				}
			}
			Thread.sleep(250);
		}
		throw new AssertionError("no work order for " + projectNo + " within " + within + "; " + at.log());
	}

	private static void awaitState(PackagedInstance at, long order, String state, Duration within)
			throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		String now = null;
		while (System.nanoTime() < deadline) {
			JsonNode detail = at.admin().get("/api/v1/work-orders/" + order).json();
			now = detail.path("order").path("state").asString(detail.path("state").asString(""));
			if (state.equals(now)) {
				return;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("order " + order + " is " + now + ", not " + state + " within " + within + "; " + at.log());
	}

	/** The states an order went through, from its audit (consecutive repeats folded: only changes count). */
	private static List<String> states(PackagedInstance at, long order) {
		List<String> states = new ArrayList<>();
		for (JsonNode entry : at.admin().get("/api/v1/work-orders/" + order + "/timeline").json()) {
			String to = entry.path("to").asString("");
			if (!to.isEmpty() && (states.isEmpty() || !states.get(states.size() - 1).equals(to))) {
				states.add(to);
			}
		}
		return states;
	}

	private Optional<JsonNode> ratingAtCity(String projectNo) {
		JsonNode stored = city.admin().get("/api/exchange/v1/evaluations?projectNo=" + projectNo).json();
		return stored.path("evaluations").isEmpty() ? Optional.empty() : Optional.of(stored.path("evaluations").get(0));
	}

	private void rateAtCounty(String projectNo, int satisfaction) {
		LocalDateTime now = LocalDateTime.now(ChinaTime.ZONE);
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("areaCode", "330106");
		service.put("deptCode", DEPARTMENT);
		service.put("deptName", "西湖区市场监督管理局");
		service.put("taskCode", "330106SCXK0001");
		service.put("taskName", "食品经营许可");
		service.put("projectNo", projectNo);
		service.put("proStatus", 3);
		service.put("userName", "张三");
		service.put("userProp", 1);
		service.put("certKey", "110101199003074512");
		service.put("mobile", "13812345678");
		service.put("acceptDate", TIME.format(now.minusHours(3)));
		service.put("serviceNumber", 1);
		service.put("serviceName", "办结");
		service.put("serviceTime", TIME.format(now.minusHours(2)));
		service.put("promiseTime", 1);
		service.put("proChannel", 2);
		service.put("resultDate", TIME.format(now.minusHours(2)));
		Http.Reply served = county.admin().post("/api/exchange/v1/services", service);
		assertThat(served.status()).as(served.toString()).isEqualTo(201);
		Map<String, Object> rating = new LinkedHashMap<>();
		rating.put("projectNo", projectNo);
		rating.put("serviceNumber", 1);
		rating.put("pf", 4);
		rating.put("satisfaction", satisfaction);
		rating.put("evalDetail", satisfaction + "11");
		rating.put("writingEvaluation", satisfaction <= 2 ? "等候时间太长" : "");
		rating.put("assessTime", TIME.format(now.minusHours(1)));
		rating.put("assessNumber", 1);
		rating.put("userName", "张三");
		rating.put("certKey", "110101199003074512");
		rating.put("mobile", "13812345678");
		Http.Reply rated = county.admin().post("/api/exchange/v1/evaluations", rating);
		assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
	}

	private static void region(PackagedInstance at, String code, String name) {
		Http.Reply created = at.admin().post("/api/v1/catalog/regions", Map.of("code", code, "name", name));
		assertThat(created.status()).as(created.toString()).isIn(201, 409);
	}

	private static String publicKey(PackagedInstance at) {
		Http.Reply reply = new Http(at.base(), null).get("/api/exchange/v1/public-key");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		String key = reply.json().path("publicKey").asString();
		assertThat(Sm2.isPublicKey(key)).isTrue();
		return key;
	}

	private static Map<String, Object> peer(String appId, String name, String direction, String region, String key) {
		Map<String, Object> peer = new LinkedHashMap<>();
		peer.put("appId", appId);
		peer.put("name", name);
		peer.put("direction", direction);
		peer.put("regionCode", region);
		peer.put("publicKey", key);
		peer.put("secret", SECRET);
		peer.put("signMode", "SM2_SIGN");
		peer.put("enabled", true);
		return peer;
	}

	private static String projectNo(String prefix) {
		return "FED" + prefix + Long.toString(System.nanoTime(), 36).toUpperCase();
	}
}
