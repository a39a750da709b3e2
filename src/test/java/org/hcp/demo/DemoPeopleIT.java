package org.hcp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.hcp.catalog.Catalog;
import org.hcp.security.Accounts;
import org.hcp.security.Role;
import org.hcp.support.ApiTest;
import org.hcp.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo profile's people: one per role in the demo district, with the passwords the README lists. */
class DemoPeopleIT extends ApiTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Catalog catalog;

	@Test
	void the_demo_creates_one_person_per_role_once_and_each_can_sign_in() {
		DemoPeople demo = new DemoPeople(accounts, catalog);
		demo.create();
		demo.create();
		for (Role role : new Role[] { Role.ADMIN, Role.HOTLINE, Role.DEPARTMENT, Role.OFFICE, Role.STAFF, Role.ASSESSOR }) {
			String login = "demo-" + role.name().toLowerCase();
			assertThat(accounts.findByLogin(login)).as(login).hasValueSatisfying(a -> assertThat(a.roles()).containsExactly(role));
			assertThat(jdbc.sql("select count(*) from sec_user where login = ?").param(login).query(Long.class).single())
				.isEqualTo(1);
			People.Api api = new People.Api("http://127.0.0.1:" + port, login, "hcp-demo-" + role.name().toLowerCase());
			assertThat(api.get("/api/v1/notices/none").status()).as(login + " signs in").isNotIn(401, 403);
		}
		assertThat(accounts.findByLogin("demo-department").orElseThrow().departmentCode()).isEqualTo("11330106MB0000002K");
		assertThat(accounts.findByLogin("demo-staff").orElseThrow().staffNo()).isEqualTo("XH0001");
	}
}
