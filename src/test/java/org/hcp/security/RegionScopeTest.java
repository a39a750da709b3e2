package org.hcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.hcp.shared.RegionCode;
import org.junit.jupiter.api.Test;

/** The data scope of each kind of person (issue 6 §1: a department its own, an office its region and below). */
class RegionScopeTest {

	private static final RegionCode CITY = new RegionCode("330100000000");
	private static final RegionCode DISTRICT = new RegionCode("330106000000");
	private static final RegionCode OTHER_DISTRICT = new RegionCode("330108000000");
	private static final String CIVIL_AFFAIRS = "11330106MB0000002K";
	private static final String MARKET = "11330106MB0000001G";

	@Test
	void a_department_handlers_scope_is_their_department() {
		RegionScope scope = RegionScope.of(Caller.person(1, "d", Set.of(Role.DEPARTMENT), DISTRICT, CIVIL_AFFAIRS, null));
		assertThat(scope.department()).contains(CIVIL_AFFAIRS);
		assertThat(scope.covers(DISTRICT, CIVIL_AFFAIRS, "XH0001")).isTrue();
		assertThat(scope.covers(DISTRICT, MARKET, "XH0002")).as("another department of the same district").isFalse();
		assertThat(scope.covers(OTHER_DISTRICT, CIVIL_AFFAIRS, null)).as("outside the region").isFalse();
		assertThat(scope.covers(DISTRICT, null, null)).as("data that names no department").isFalse();
	}

	@Test
	void an_office_sees_its_region_and_everything_below() {
		RegionScope scope = RegionScope.of(Caller.person(2, "o", Set.of(Role.OFFICE), CITY, null, null));
		assertThat(scope.covers(DISTRICT, MARKET, "XH0002")).isTrue();
		assertThat(scope.covers(new RegionCode("330106109000"), CIVIL_AFFAIRS, null)).isTrue();
		assertThat(scope.covers(new RegionCode("330200000000"), MARKET, null)).as("another city").isFalse();
		assertThat(RegionScope.of(Caller.person(3, "o2", Set.of(Role.OFFICE), DISTRICT, null, null)).covers(CITY, null, null))
			.as("a district office does not see its city's own data").isFalse();
	}

	@Test
	void window_staff_see_only_their_own() {
		RegionScope scope = RegionScope.of(Caller.person(4, "s", Set.of(Role.STAFF), DISTRICT, null, "XH0001"));
		assertThat(scope.covers(DISTRICT, CIVIL_AFFAIRS, "XH0001")).isTrue();
		assertThat(scope.covers(DISTRICT, CIVIL_AFFAIRS, "XH0003")).isFalse();
	}

	@Test
	void a_person_with_a_region_wide_role_besides_department_sees_the_region() {
		RegionScope scope = RegionScope.of(
				Caller.person(5, "dh", Set.of(Role.DEPARTMENT, Role.HOTLINE), DISTRICT, CIVIL_AFFAIRS, null));
		assertThat(scope.covers(DISTRICT, MARKET, null)).isTrue();
	}

	@Test
	void an_administrator_sees_everywhere() {
		assertThat(RegionScope.of(Caller.person(6, "a", Set.of(Role.ADMIN), null, null, null)))
			.isEqualTo(RegionScope.everywhere());
	}
}
