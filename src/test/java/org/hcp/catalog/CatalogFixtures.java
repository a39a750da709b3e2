package org.hcp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.hcp.support.ApiTest;
import org.hcp.support.Http;

/**
 * Catalog rows for tests. Everything lives under the test-only province 98 (no real province has that code); new
 * townships and villages get random codes checked to be free, so runs on a kept database do not collide.
 */
public abstract class CatalogFixtures extends ApiTest {

	public static final String PROVINCE = "980000000000";
	public static final String CITY = "980100000000";
	public static final String COUNTY = "980101000000";

	private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** The test county and its ancestors, created on first use. */
	protected String county() {
		ensure(PROVINCE, "测试省");
		ensure(CITY, "测试市");
		ensure(COUNTY, "测试县");
		return COUNTY;
	}

	/**
	 * A township code that is not stored yet, under a random county of the test city (the county is created): about
	 * 99 × 999 codes, enough for many runs on a database that keeps its data.
	 */
	protected String freeTownship() {
		county();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int attempt = 0; attempt < 1000; attempt++) {
			// county 99 of the test city is never created: tests use it as a region that does not exist
			String countyCode = CITY.substring(0, 4) + String.format("%02d", random.nextInt(1, 99));
			String code = countyCode + String.format("%03d", random.nextInt(1, 1000)) + "000";
			if (admin.get("/api/v1/catalog/regions/" + code).status() == 404) {
				ensure(countyCode + "000000", "测试县");
				return code;
			}
		}
		throw new IllegalStateException("No free township code left under the test city " + CITY);
	}

	protected String newTownship() {
		String code = freeTownship();
		assertThat(admin.post("/api/v1/catalog/regions", Map.of("code", code, "name", "测试镇")).status()).isEqualTo(201);
		return code;
	}

	/** A valid unified social credit code that no earlier run used. */
	protected static String newCreditCode() {
		String digits = Long.toString(System.nanoTime(), 31).toUpperCase();
		StringBuilder body = new StringBuilder("11980101");
		for (char c : digits.substring(Math.max(0, digits.length() - 9)).toCharArray()) {
			body.append(CREDIT_CHARS.charAt(Character.digit(c, 31)));
		}
		while (body.length() < 17) {
			body.insert(8, '0');
		}
		return body.toString() + CreditCode.checkChar(body.toString());
	}

	protected String newDepartment(String region) {
		String code = newCreditCode();
		assertThat(admin.post("/api/v1/catalog/departments", Map.of("code", code, "name", "测试局", "regionCode", region))
			.status()).isEqualTo(201);
		return code;
	}

	protected String newInstitution(String region) {
		String code = unique("INS");
		assertThat(admin.post("/api/v1/catalog/institutions",
				Map.of("code", code, "name", "测试大厅", "kind", "HALL", "regionCode", region)).status()).isEqualTo(201);
		return code;
	}

	protected String newWindow(String institution) {
		String code = unique("WIN");
		assertThat(admin.post("/api/v1/catalog/windows", Map.of("code", code, "name", "综合窗口", "institutionCode", institution))
			.status()).isEqualTo(201);
		return code;
	}

	protected Http.Reply csv(String path, String body) {
		return admin.send("POST", path, body, "text/csv");
	}

	private void ensure(String code, String name) {
		if (admin.get("/api/v1/catalog/regions/" + code).status() == 404) {
			int status = admin.post("/api/v1/catalog/regions", Map.of("code", code, "name", name)).status();
			assertThat(status).isIn(201, 409);
		}
	}
}
