package org.hcp.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.ServiceFixtures;

import tools.jackson.databind.JsonNode;

/**
 * Completed cases in a region and a past quarter, reported in one array through the exchange, and draws of revisit
 * samples. Each test works in its own new township, so that its region and quarter are drawn by nobody else.
 */
abstract class SupervisionFixtures extends ServiceFixtures {

	static final String Q2_DAY = "2026-05-12";
	static final String Q3_DAY = "2026-08-18";

	/**
	 * A new township under a county 10–98 of the test city: clear of the hall's county (980101), of the other county
	 * the region-scope matrix uses (980102), and of 980199, which other tests need to stay unknown.
	 */
	@Override
	protected String newTownship() {
		county();
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		for (int attempt = 0; attempt < 1000; attempt++) {
			String countyCode = CITY.substring(0, 4) + random.nextInt(10, 99);
			String code = countyCode + String.format("%03d", random.nextInt(1, 1000)) + "000";
			if (admin.get("/api/v1/catalog/regions/" + code).status() == 404) {
				if (admin.get("/api/v1/catalog/regions/" + countyCode + "000000").status() == 404) {
					assertThat(admin.post("/api/v1/catalog/regions", Map.of("code", countyCode + "000000", "name", "测试县"))
						.status()).isIn(201, 409);
				}
				assertThat(admin.post("/api/v1/catalog/regions", Map.of("code", code, "name", "测试镇")).status())
					.isEqualTo(201);
				return code;
			}
		}
		throw new IllegalStateException("No free township left under the test city");
	}

	/** {@code n} cases of the hall's item completed on {@code day} in {@code region}; their case numbers. */
	protected List<String> completedCases(String region, String day, int n) {
		return completedCases(region, day, n, hall().item());
	}

	protected List<String> completedCases(String region, String day, int n, String item) {
		return report(region, day, n, item, true);
	}

	/** Cases accepted on {@code day} that are not completed. */
	protected List<String> openCases(String region, String day, int n) {
		return report(region, day, n, hall().item(), false);
	}

	private List<String> report(String region, String day, int n, String item, boolean completed) {
		List<Map<String, Object>> records = new ArrayList<>();
		List<String> caseNos = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String caseNo = unique("SUP") + "-" + i;
			Map<String, Object> r = serviceRecord(region, caseNo, 1);
			r.put("taskCode", item);
			r.put("acceptDate", day + " 09:00:00");
			r.put("serviceTime", day + " 09:20:00");
			r.put("mobile", randomMobile());
			if (completed) {
				r.put("resultDate", day + " 09:30:00");
			}
			else {
				r.put("proStatus", 1);
				r.remove("resultDate");
			}
			records.add(r);
			caseNos.add(caseNo);
		}
		Http.Reply reply = admin.post("/api/exchange/v1/services", records);
		assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
		if (n > 1) {
			reply.json().path("results").forEach(r -> assertThat(r.path("status").asString()).as(reply.toString())
				.isEqualTo("accepted"));
		}
		return caseNos;
	}

	protected Http.Reply draw(Http as, String region, String quarter, List<String> targetedItems) {
		return as.post("/api/v1/supervision/samples",
				Map.of("regionCode", region, "quarter", quarter, "targetedItems", targetedItems));
	}

	protected JsonNode drawn(String region, String quarter, List<String> targetedItems) {
		Http.Reply reply = draw(admin, region, quarter, targetedItems);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json();
	}

	protected static List<String> caseNos(JsonNode sample) {
		List<String> caseNos = new ArrayList<>();
		sample.path("cases").forEach(c -> caseNos.add(c.path("caseNo").asString()));
		return caseNos;
	}

	protected long count(String sql, Object... params) {
		var spec = jdbc.sql(sql);
		for (int i = 0; i < params.length; i += 2) {
			spec = spec.param((String) params[i], params[i + 1]);
		}
		return spec.query(Long.class).single();
	}
}
