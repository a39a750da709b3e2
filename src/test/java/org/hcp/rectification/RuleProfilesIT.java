package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hcp.calendar.WorkingCalendar;
import org.hcp.shared.ChinaTime;
import org.hcp.shared.RegionCode;
import org.hcp.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rule profiles: a region inherits its parent's unless it sets its own; an order works to its region's profile. */
class RuleProfilesIT extends WorkOrderFixtures {

	@Autowired
	WorkingCalendar calendar;

	@Test
	void the_shipped_profiles_are_listed_with_their_terms() {
		Http.Reply reply = admin.get("/api/v1/admin/rule-profiles");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("defaultProfile").asString()).isEqualTo("standard");
		assertThat(reply.text()).contains("\"rectifyWithin\":\"10 WORKING_DAYS\"", "\"rectifyWithin\":\"15 NATURAL_DAYS\"",
				"\"verifyWithin\":\"1 WORKING_DAYS\"", "\"revisitWithin\":\"5 WORKING_DAYS\"");
	}

	@Test
	void a_region_inherits_its_parents_profile_unless_it_sets_its_own() {
		String township = newTownship();
		String county = township.substring(0, 6) + "000000";
		assertThat(admin.put("/api/v1/admin/rule-profiles/regions/" + county, Map.of("profile", "natural-15")).status())
			.isEqualTo(200);
		Http.Reply inherited = admin.get("/api/v1/admin/rule-profiles/regions/" + township);
		assertThat(inherited.json().path("effective").path("code").asString()).isEqualTo("natural-15");
		assertThat(inherited.json().path("inheritedFrom").asString()).isEqualTo(county);
		assertThat(inherited.json().path("ownProfile").isMissingNode() || inherited.json().path("ownProfile").isNull()).isTrue();
		assertThat(admin.put("/api/v1/admin/rule-profiles/regions/" + township, Map.of("profile", "standard")).status())
			.isEqualTo(200);
		assertThat(admin.get("/api/v1/admin/rule-profiles/regions/" + township).json().path("effective").path("code")
			.asString()).isEqualTo("standard");
		assertThat(admin.delete("/api/v1/admin/rule-profiles/regions/" + township).status()).isEqualTo(204);
		assertThat(admin.get("/api/v1/admin/rule-profiles/regions/" + township).json().path("effective").path("code")
			.asString()).isEqualTo("natural-15");
		assertThat(admin.put("/api/v1/admin/rule-profiles/regions/" + township, Map.of("profile", "nope")).status())
			.isEqualTo(422);
		assertThat(admin.put("/api/v1/admin/rule-profiles/regions/98x", Map.of("profile", "standard")).status())
			.isEqualTo(422);
	}

	@Test
	void an_order_in_a_region_of_the_15_natural_day_profile_gets_15_natural_days_to_rectify() {
		String township = newTownship();
		assertThat(admin.put("/api/v1/admin/rule-profiles/regions/" + township, Map.of("profile", "natural-15")).status())
			.isEqualTo(200);
		String department = newDepartment(township);
		long id = orders.openForFinding(new FindingReference(WorkOrderSource.FINDING, System.nanoTime(),
				new RegionCode(township), department, null, null, null, null, "问卷反映办事指南过时"));
		WorkOrderDetail d = current(id);
		assertThat(d.profileCode()).isEqualTo("natural-15");
		as(person(java.util.Set.of(org.hcp.security.Role.DEPARTMENT), township, department, null));
		d = orders.verify(id, d.version(), "问卷填写人", "电话", "属实");
		assertThat(d.order().deadline())
			.isEqualTo(ChinaTime.startOf(ChinaTime.dateOf(d.order().receivedAt()).plusDays(16)));
	}
}
