package org.hcp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.hcp.support.Http;
import org.junit.jupiter.api.Test;

class CatalogApiIT extends CatalogFixtures {

	@Test
	void a_region_is_created_read_updated_and_deleted() {
		String code = freeTownship();

		Http.Reply created = admin.post("/api/v1/catalog/regions", Map.of("code", code, "name", "新镇"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("level").asInt()).isEqualTo(4);
		assertThat(created.json().path("parentCode").asString()).isEqualTo(code.substring(0, 6) + "000000");

		Http.Reply updated = admin.put("/api/v1/catalog/regions/" + code, Map.of("name", "新街道"));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(admin.get("/api/v1/catalog/regions/" + code).json().path("name").asString()).isEqualTo("新街道");

		assertThat(admin.delete("/api/v1/catalog/regions/" + code).status()).isEqualTo(204);
		assertThat(admin.get("/api/v1/catalog/regions/" + code).status()).isEqualTo(404);
	}

	@Test
	void a_six_digit_region_code_is_padded_to_twelve_digits() {
		county();
		Http.Reply reply = admin.get("/api/v1/catalog/regions/980101");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("code").asString()).isEqualTo(COUNTY);
	}

	@Test
	void creating_a_code_that_exists_is_a_conflict() {
		String township = newTownship();
		Http.Reply again = admin.post("/api/v1/catalog/regions", Map.of("code", township, "name", "重复"));
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void deleting_a_missing_row_is_not_found() {
		assertThat(admin.delete("/api/v1/catalog/windows/" + unique("NONE")).status()).isEqualTo(404);
	}

	@Test
	void a_region_level_must_match_its_code() {
		Http.Reply reply = admin.post("/api/v1/catalog/regions", Map.of("code", freeTownship(), "name", "镇", "level", 2));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("level");
	}

	@Test
	void a_region_needs_its_parent() {
		String village = freeTownship().substring(0, 9) + "001";
		Http.Reply reply = admin.post("/api/v1/catalog/regions", Map.of("code", village, "name", "村"));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("parentCode");
	}

	@Test
	void a_reference_to_an_unknown_code_is_refused_naming_the_field() {
		Http.Reply reply = admin.post("/api/v1/catalog/departments",
				Map.of("code", newCreditCode(), "name", "局", "regionCode", freeTownship()));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("regionCode");

		Http.Reply window = admin.post("/api/v1/catalog/windows",
				Map.of("code", unique("W"), "name", "窗口", "institutionCode", unique("NOINS")));
		assertThat(window.status()).isEqualTo(422);
		assertThat(window.errorFields()).containsExactly("institutionCode");
	}

	@Test
	void a_department_code_must_be_a_unified_social_credit_code() {
		String code = newCreditCode();
		String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
		Http.Reply reply = admin.post("/api/v1/catalog/departments", Map.of("code", wrongCheck, "name", "局", "regionCode", county()));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("code");
	}

	@Test
	void every_bad_field_is_reported_in_chinese_and_english() {
		Http.Reply reply = admin.post("/api/v1/catalog/items",
				Map.of("code", "有空格 的编码", "name", "", "itemType", "99", "departmentCode", "X", "promisedDays", -1));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactlyInAnyOrder("code", "name", "itemType", "promisedDays");
		assertThat(reply.json().path("errors").get(0).path("zh").asString()).isNotBlank();
		assertThat(reply.json().path("errors").get(0).path("en").asString()).isNotBlank();
	}

	@Test
	void a_csv_import_with_an_unknown_region_reports_the_line_and_stores_nothing() {
		String good = newCreditCode();
		String bad = newCreditCode();
		Http.Reply reply = csv("/api/v1/catalog/departments/import", "code,name,regionCode\n"
				+ good + ",市场监管局," + county() + "\n"
				+ bad + ",税务局," + freeTownship() + "\n");

		assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("line 3: regionCode");
		assertThat(admin.get("/api/v1/catalog/departments/" + good).status()).isEqualTo(404);
	}

	@Test
	void a_csv_import_reports_every_bad_line() {
		String department = newDepartment(county());
		Http.Reply reply = csv("/api/v1/catalog/items/import", "code,name,itemType,departmentCode,promisedDays\n"
				+ unique("I") + ",事项一,99," + department + ",5\n"
				+ unique("I") + ",事项二,01," + department + ",\n"
				+ unique("I") + ",事项三,20," + newCreditCode() + ",abc\n");

		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactlyInAnyOrder("line 2: itemType", "line 4: promisedDays",
				"line 4: departmentCode");
	}

	@Test
	void a_csv_import_stores_every_line_and_may_name_a_parent_on_a_later_line() {
		String township = freeTownship();
		String village = township.substring(0, 9) + "001";
		Http.Reply reply = csv("/api/v1/catalog/regions/import", "\uFEFFcode,name\r\n"
				+ village + ",\"一村, 新区\"\r\n"
				+ township + ",\"新\"\"镇\"\"\"\r\n");

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().path("imported").asInt()).isEqualTo(2);
		assertThat(admin.get("/api/v1/catalog/regions/" + village).json().path("name").asString()).isEqualTo("一村, 新区");
		assertThat(admin.get("/api/v1/catalog/regions/" + township).json().path("name").asString()).isEqualTo("新\"镇\"");
	}

	@Test
	void a_csv_import_with_an_unknown_column_or_a_repeated_code_is_refused() {
		String township = freeTownship();
		Http.Reply unknownColumn = csv("/api/v1/catalog/regions/import", "code,nmae\n" + township + ",镇\n");
		assertThat(unknownColumn.status()).isEqualTo(422);
		assertThat(unknownColumn.errorFields()).containsExactly("line 1: nmae");

		Http.Reply repeated = csv("/api/v1/catalog/regions/import", "code,name\n" + township + ",镇\n" + township + ",镇\n");
		assertThat(repeated.status()).isEqualTo(422);
		assertThat(repeated.errorFields()).containsExactly("line 3: code");
	}

	@Test
	void a_nul_character_in_a_csv_import_is_refused_naming_line_and_field_and_nothing_is_stored() {
		String good = freeTownship();
		String nul = freeTownship();
		Http.Reply reply = csv("/api/v1/catalog/regions/import", "code,name\n" + good + ",好镇\n" + nul + ",坏\u0000镇\n");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.errorFields()).containsExactly("line 3: name");
		assertThat(admin.get("/api/v1/catalog/regions/" + good).status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/catalog/regions/" + nul).status()).isEqualTo(404);

		Http.Reply json = admin.post("/api/v1/catalog/regions", Map.of("code", nul, "name", "\u0000镇"));
		assertThat(json.status()).isEqualTo(422);
		assertThat(json.errorFields()).containsExactly("name");
	}

	@Test
	void a_malformed_request_is_a_client_error() {
		assertThat(admin.send("POST", "/api/v1/catalog/regions", "[1,2]", "application/json").status()).isEqualTo(400);
		assertThat(admin.send("POST", "/api/v1/catalog/regions", "{\"code\":", "application/json").status()).isEqualTo(400);
		Http.Reply unclosed = csv("/api/v1/catalog/regions/import", "code,name\n\"980101,镇\n");
		assertThat(unclosed.status()).isEqualTo(400);
		assertThat(unclosed.errorFields()).containsExactly("line 2");
		assertThat(admin.get("/api/v1/catalog/regions?level=9").status()).isEqualTo(422);
	}

	@Test
	void lists_are_paged_and_filtered() {
		String institution = newInstitution(county());
		for (int i = 0; i < 3; i++) {
			newWindow(institution);
		}
		Http.Reply first = admin.get("/api/v1/catalog/windows?institution=" + institution + "&size=2");
		assertThat(first.json().path("total").asInt()).isEqualTo(3);
		assertThat(first.json().path("items").size()).isEqualTo(2);
		Http.Reply second = admin.get("/api/v1/catalog/windows?institution=" + institution + "&size=2&page=1");
		assertThat(second.json().path("items").size()).isEqualTo(1);
		assertThat(second.json().path("items").get(0).path("institutionCode").asString()).isEqualTo(institution);
	}

	@Test
	void a_page_holds_at_most_500_rows() {
		Http.Reply reply = admin.get("/api/v1/catalog/regions?size=501");
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("size");
	}

	@Test
	void a_row_that_others_refer_to_cannot_be_deleted() {
		String institution = newInstitution(county());
		String window = newWindow(institution);
		assertThat(admin.delete("/api/v1/catalog/institutions/" + institution).status()).isEqualTo(409);
		assertThat(admin.delete("/api/v1/catalog/windows/" + window).status()).isEqualTo(204);
		assertThat(admin.delete("/api/v1/catalog/institutions/" + institution).status()).isEqualTo(204);
	}

	@Test
	void the_code_in_the_path_cannot_be_changed_by_an_update() {
		String institution = newInstitution(county());
		Http.Reply reply = admin.put("/api/v1/catalog/institutions/" + institution,
				Map.of("code", unique("OTHER"), "name", "大厅", "kind", "HALL", "regionCode", COUNTY));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("code");
	}

	@Test
	void staff_personal_data_is_encrypted_at_rest_and_masked_in_responses() {
		String institution = newInstitution(county());
		String staffNo = unique("S");
		Map<String, Object> staff = new HashMap<>(Map.of("staffNo", staffNo, "name", "欧阳娜娜", "idNumber", "11010119900307451X",
				"mobile", "13812345678", "institutionCode", institution, "windowCode", newWindow(institution)));

		Http.Reply created = admin.post("/api/v1/catalog/staff", staff);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.text()).doesNotContain("13812345678", "11010119900307451X", "欧阳娜娜");
		assertThat(created.json().path("mobile").asString()).isEqualTo("138****5678");
		assertThat(created.json().path("name").asString()).isEqualTo("欧***");
		assertThat(admin.get("/api/v1/catalog/staff?institution=" + institution).text()).doesNotContain("13812345678");

		Map<String, Object> row = jdbc.sql("select * from cat_staff where staff_no = :no").param("no", staffNo).query().singleRow();
		for (Object value : row.values()) {
			if (value instanceof byte[] bytes) {
				String raw = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
				assertThat(raw).doesNotContain("13812345678", "11010119900307451X");
				assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("欧阳娜娜");
			}
		}
	}

	@Test
	void a_staff_update_that_leaves_out_personal_data_keeps_it() {
		String institution = newInstitution(county());
		String staffNo = unique("S");
		admin.post("/api/v1/catalog/staff", Map.of("staffNo", staffNo, "name", "张三", "mobile", "13900001111",
				"institutionCode", institution));

		Http.Reply updated = admin.put("/api/v1/catalog/staff/" + staffNo, Map.of("institutionCode", institution, "active", false));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.json().path("mobile").asString()).isEqualTo("139****1111");
		assertThat(updated.json().path("name").asString()).isEqualTo("张*");
		assertThat(updated.json().path("active").asBoolean()).isFalse();

		Http.Reply masked = admin.put("/api/v1/catalog/staff/" + staffNo,
				Map.of("institutionCode", institution, "mobile", "139****1111"));
		assertThat(masked.status()).isEqualTo(422);
		assertThat(masked.errorFields()).containsExactly("mobile");
	}

	@Test
	void the_catalog_needs_an_api_key() {
		assertThat(anonymous.get("/api/v1/catalog/regions").status()).isEqualTo(401);
	}
}
