package org.hcp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.hcp.support.Http;
import org.junit.jupiter.api.Test;

/** A catalog code becomes a URL (the Location of the created row, the path to read it): it is checked before it is stored. */
class CatalogCodesInUrlsIT extends CatalogFixtures {

	@Test
	void a_catalog_code_that_cannot_stand_in_a_url_is_refused_naming_its_field_and_nothing_is_stored() {
		String institution = newInstitution(county());
		String spaced = unique("WIN") + " 1";
		Map<String, Map<String, Object>> bodies = Map.of(
				"windows", Map.of("code", spaced, "name", "综合窗口", "institutionCode", institution),
				"institutions", Map.of("code", spaced, "name", "测试大厅", "kind", "HALL", "regionCode", county()),
				"items", Map.of("code", spaced, "name", "食品经营许可", "itemType", "01", "departmentCode",
						newDepartment(county()), "promisedDays", 5),
				"regions", Map.of("code", "980101 001000", "name", "测试镇"),
				"departments", Map.of("code", "91110000 MA01", "name", "测试局", "regionCode", county()));
		for (Map.Entry<String, Map<String, Object>> kind : bodies.entrySet()) {
			Http.Reply reply = admin.post("/api/v1/catalog/" + kind.getKey(), kind.getValue());
			assertThat(reply.status()).as(kind.getKey() + ": " + reply).isEqualTo(422);
			assertThat(reply.errorFields()).as(kind.getKey()).contains("code");
			String code = String.valueOf(kind.getValue().get("code")).replace(" ", "%20");
			assertThat(admin.get("/api/v1/catalog/" + kind.getKey() + "/" + code).status()).as(kind.getKey()).isEqualTo(404);
		}
		Map<String, Object> staff = new HashMap<>(Map.of("staffNo", unique("STF") + " 1", "name", "王五",
				"institutionCode", institution));
		Http.Reply reply = admin.post("/api/v1/catalog/staff", staff);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
		assertThat(reply.errorFields()).contains("staffNo");
	}

	@Test
	void a_created_catalog_row_is_answered_with_its_encoded_location() throws Exception {
		String institution = newInstitution(county());
		String code = unique("WIN") + ".a_b-1";
		HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/catalog/windows"))
			.header("X-Api-Key", ADMIN_KEY).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"name\":\"综合窗口\",\"institutionCode\":\""
					+ institution + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith("/api/v1/catalog/windows/" + code);
		assertThat(admin.get(URI.create(location).getPath()).status()).isEqualTo(200);
	}
}
