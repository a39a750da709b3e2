package org.hcp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.hcp.privacy.PersonalData;
import org.hcp.privacy.PersonalData.LookupKind;
import org.hcp.shared.RegionCode;
import org.hcp.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UnverifiedRegistrationIT extends CatalogFixtures {

	@Autowired
	Catalog catalog;

	@Autowired
	PersonalData personalData;

	@Test
	void register_unverified_creates_missing_rows_once() {
		String township = freeTownship();
		RegionCode village = new RegionCode(township.substring(0, 9) + "002");
		String department = unique("D");
		String item = unique("ITEM");
		List<CatalogReference> references = List.of(
				new CatalogReference(village, department, null, item, null),
				new CatalogReference(village, department, "不动产登记中心", item, "不动产登记"),
				new CatalogReference(new RegionCode(COUNTY), null, null, null, null));

		catalog.registerUnverified(references);
		catalog.registerUnverified(references);

		assertThat(count("cat_region", village.value())).isEqualTo(1);
		assertThat(count("cat_department", department)).isEqualTo(1);
		assertThat(count("cat_service_item", item)).isEqualTo(1);
		Http.Reply region = admin.get("/api/v1/catalog/regions/" + village.value());
		assertThat(region.json().path("verified").asBoolean()).isFalse();
		assertThat(region.json().path("level").asInt()).isEqualTo(5);
		assertThat(region.json().path("parentCode").asString()).isEqualTo(township);
		assertThat(catalog.regionExists(new RegionCode(township))).isTrue();
		assertThat(admin.get("/api/v1/catalog/departments/" + department).json().path("name").asString()).isEqualTo("不动产登记中心");
		ServiceItemView view = catalog.item(item).orElseThrow();
		assertThat(view.verified()).isFalse();
		assertThat(view.type()).isNull();
		assertThat(view.departmentCode()).isEqualTo(department);
		assertThat(view.name()).isEqualTo("不动产登记");
	}

	@Test
	void registering_thousands_of_references_takes_one_statement_per_table() {
		String township = freeTownship();
		List<CatalogReference> references = new java.util.ArrayList<>();
		for (int i = 1; i <= 999; i++) {
			RegionCode village = new RegionCode(township.substring(0, 9) + String.format("%03d", i));
			references.add(new CatalogReference(village, null, null, unique("BULK") + i, "事项" + i));
			references.add(new CatalogReference(village, null, null, null, null));
		}

		catalog.registerUnverified(references);

		assertThat(admin.get("/api/v1/catalog/regions?parent=" + township).json().path("total").asInt()).isEqualTo(999);
	}

	@Test
	void updating_an_unverified_row_marks_it_verified() {
		String item = unique("ITEM");
		String department = newDepartment(county());
		catalog.registerUnverified(List.of(new CatalogReference(new RegionCode(COUNTY), department, null, item, "旧名称")));

		Http.Reply updated = admin.put("/api/v1/catalog/items/" + item,
				Map.of("name", "新名称", "itemType", "01", "departmentCode", department, "promisedDays", 20));

		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.json().path("verified").asBoolean()).isTrue();
		assertThat(catalog.item(item).orElseThrow().type()).isEqualTo("01");
	}

	@Test
	void the_staff_view_carries_lookup_hashes_and_only_a_masked_name() {
		String institution = newInstitution(county());
		String window = newWindow(institution);
		String staffNo = unique("S");
		admin.post("/api/v1/catalog/staff", Map.of("staffNo", staffNo, "name", "李四", "mobile", "13700002222",
				"institutionCode", institution, "windowCode", window));

		StaffView staff = catalog.staff(staffNo).orElseThrow();

		assertThat(staff.maskedName()).isEqualTo("李*");
		assertThat(staff.mobileHash()).isEqualTo(personalData.lookupHash(LookupKind.MOBILE, "13700002222"));
		assertThat(staff.idNumberHash()).isNull();
		assertThat(catalog.window(window).orElseThrow().region()).isEqualTo(new RegionCode(COUNTY));
	}

	private long count(String table, String code) {
		return jdbc.sql("select count(*) from " + table + " where code = :code").param("code", code).query(Long.class).single();
	}
}
