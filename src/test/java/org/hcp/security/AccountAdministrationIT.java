package org.hcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Administrators create, list, disable and enable people's accounts, reset passwords and import CSV. */
class AccountAdministrationIT extends ServiceFixtures {

	People people;

	@BeforeEach
	void people() {
		people = new People(port);
	}

	@Test
	void mobile_is_stored_encrypted_and_masked_in_the_list() {
		String mobile = randomMobile();
		People.Person staff = people.with(Role.STAFF).region(hall().region()).staff(hall().staffNo()).mobile(mobile)
			.displayName("欧阳娜娜").create();
		String row = jdbc.sql("select t::text from sec_user t where id = ?").param(staff.id()).query(String.class).single();
		assertThat(row).doesNotContain(mobile).doesNotContain(mobile.substring(3)).doesNotContain("欧阳娜娜").contains("欧***");
		assertThat(jdbc.sql("select mobile_hash is not null and length(mobile_enc) > 11 from sec_user where id = ?")
			.param(staff.id()).query(Boolean.class).single()).isTrue();

		Http.Reply list = admin.get("/api/v1/admin/users?login=" + staff.login());
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.text()).doesNotContain(mobile).contains(mobile.substring(0, 3) + "****" + mobile.substring(7));
		assertThat(list.json().path("accounts").get(0).path("login").asString()).isEqualTo(staff.login());
		assertThat(list.text()).doesNotContain("password").doesNotContain("{bcrypt}").doesNotContain("欧阳娜娜")
			.contains("欧***");
		assertThat(admin.get("/api/v1/admin/users/" + staff.id()).text()).doesNotContain(mobile);

		People.Session screen = people.admin().signIn();
		People.Page page = screen.get("/app/admin/users?login=" + staff.login());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains(staff.login()).doesNotContain(mobile).contains(mobile.substring(7))
			.doesNotContain("欧阳娜娜").contains("欧***");
		assertThat(staff.signIn().get("/app").text()).as("a person sees their own name").contains("欧阳娜娜");
	}

	@Test
	void an_account_needs_what_its_roles_need_and_a_refused_one_is_not_stored() {
		Map<String, Object> body = people.with(Role.DEPARTMENT, Role.STAFF).body();
		body.put("mobile", "12345");
		Http.Reply reply = admin.post("/api/v1/admin/users", body);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).contains("regionCode", "departmentCode", "staffNo", "mobile");
		body = people.with(Role.PLATFORM).body();
		assertThat(admin.post("/api/v1/admin/users", body).errorFields()).contains("roles");
		body = people.with(Role.DEPARTMENT).region(hall().region()).department("91110000MA00000000").body();
		assertThat(admin.post("/api/v1/admin/users", body).errorFields()).as("a department the catalog does not know")
			.contains("departmentCode");
		assertThat(jdbc.sql("select count(*) from sec_user where login = ?").param(body.get("login")).query(Long.class)
			.single()).isZero();
	}

	@Test
	void a_weak_password_is_refused_with_a_clear_422() {
		String login = People.newLogin();
		Http.Reply shortOne = admin.post("/api/v1/admin/users",
				people.with(Role.OFFICE).region(hall().region()).password("short-1").body());
		assertThat(shortOne.status()).isEqualTo(422);
		assertThat(shortOne.errorFields()).containsExactly("password");
		assertThat(shortOne.json().path("errors").get(0).path("zh").asString()).contains("至少 10 个字符");
		Http.Reply itsLogin = admin.post("/api/v1/admin/users",
				people.with(Role.OFFICE).region(hall().region()).login(login).password(login.toUpperCase()).body());
		assertThat(itsLogin.status()).isEqualTo(422);
		assertThat(itsLogin.json().path("errors").get(0).path("en").asString()).contains("login name");

		People.Person office = people.office(hall().region());
		Http.Reply weakReset = admin.put("/api/v1/admin/users/" + office.id() + "/password", Map.of("password", "abc"));
		assertThat(weakReset.status()).isEqualTo(422);
		assertThat(weakReset.json().path("code").asString()).isEqualTo("WEAK_PASSWORD");
	}

	@Test
	void a_login_name_is_taken_whatever_its_case() {
		People.Person first = people.office(hall().region());
		Http.Reply second = admin.post("/api/v1/admin/users",
				people.with(Role.OFFICE).region(hall().region()).login(first.login().toUpperCase()).body());
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().path("code").asString()).isEqualTo("LOGIN_TAKEN");
	}

	@Test
	void a_disabled_user_cannot_sign_in() {
		People.Person handler = people.department(hall().region(), hall().department());
		Http.Reply disabled = admin.post("/api/v1/admin/users/" + handler.id() + "/disable", null);
		assertThat(disabled.status()).isEqualTo(200);
		assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
		assertThat(disabled.json().path("disabledAt").asString()).isNotBlank();

		People.Page screen = new People.Session(base()).signIn(handler.login(), handler.password());
		assertThat(screen.location()).endsWith("/login?error=disabled");
		Http.Reply api = handler.api().get("/api/v1/work-orders/none");
		assertThat(api.status()).isEqualTo(401);
		assertThat(api.json().path("code").asString()).isEqualTo("ACCOUNT_DISABLED");

		assertThat(admin.post("/api/v1/admin/users/" + handler.id() + "/enable", null).status()).isEqualTo(200);
		assertThat(handler.api().get("/api/v1/work-orders/none").status()).isNotIn(401, 403);
	}

	@Test
	void existing_sessions_of_a_disabled_user_stop_working_at_their_next_request() {
		People.Person office = people.office(hall().region());
		People.Session session = office.signIn();
		assertThat(session.get("/app").status()).isEqualTo(200);
		admin.post("/api/v1/admin/users/" + office.id() + "/disable", null);
		People.Page next = session.get("/app");
		assertThat(next.status()).isEqualTo(302);
		assertThat(next.location()).endsWith("/login");
		admin.post("/api/v1/admin/users/" + office.id() + "/enable", null);
		assertThat(session.get("/app").status()).as("the ended session does not come back").isEqualTo(302);
	}

	@Test
	void a_new_password_ends_the_sessions_of_the_account() {
		People.Person hotline = people.hotline(hall().region());
		People.Session session = hotline.signIn();
		String password = People.newPassword();
		assertThat(admin.put("/api/v1/admin/users/" + hotline.id() + "/password", Map.of("password", password)).status())
			.isEqualTo(204);
		assertThat(session.get("/app").status()).isEqualTo(302);
		assertThat(new People.Api(base(), hotline.login(), password).get("/api/v1/notices/none").status()).isNotIn(401, 403);
		assertThat(hotline.api().get("/api/v1/notices/none").status()).as("the old password").isEqualTo(401);
	}

	@Test
	void csv_import_is_all_or_nothing_with_line_numbers() {
		String good = People.newLogin();
		String alsoGood = People.newLogin();
		String csv = "login,displayName,mobile,roles,regionCode,departmentCode,staffNo,password\n"
				+ good + ",张三," + randomMobile() + ",OFFICE," + hall().region() + ",,,\n"
				+ "\n"
				+ alsoGood + ",李四,,DEPARTMENT|HOTLINE," + hall().region() + ",,,\n"
				+ good + ",王五,,ASSESSOR,999999,,,short\n";
		Http.Reply refused = admin.send("POST", "/api/v1/admin/users/import", csv, "text/csv");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.errorFields()).contains("line 4: departmentCode", "line 5: login", "line 5: regionCode",
				"line 5: password");
		assertThat(refused.errorFields()).noneMatch(f -> f.startsWith("line 2"));
		assertThat(jdbc.sql("select count(*) from sec_user where login in (?, ?)").params(good, alsoGood)
			.query(Long.class).single()).as("nothing stored").isZero();

		String fixed = "login,displayName,roles,regionCode,departmentCode,password\n"
				+ good + ",张三,OFFICE," + hall().region() + ",,\n"
				+ alsoGood + ",李四,\"DEPARTMENT|HOTLINE\"," + hall().region() + "," + hall().department() + ",Li-Si-initial-1\n";
		Http.Reply imported = admin.send("POST", "/api/v1/admin/users/import", fixed, "text/csv");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
		assertThat(imported.json().path("imported").asInt()).isEqualTo(2);
		String generated = imported.json().path("accounts").get(0).path("generatedPassword").asString();
		assertThat(generated).hasSizeGreaterThanOrEqualTo(16);
		assertThat(imported.json().path("accounts").get(1).has("generatedPassword")).isFalse();
		assertThat(new People.Api(base(), good, generated).get("/api/v1/notices/none").status()).isNotIn(401, 403);
		assertThat(new People.Api(base(), alsoGood, "Li-Si-initial-1").get("/api/v1/notices/none").status()).isNotIn(401, 403);

		Http.Reply again = admin.send("POST", "/api/v1/admin/users/import", fixed, "text/csv");
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.errorFields()).containsExactly("line 2: login", "line 3: login");
	}

	@Test
	void a_csv_with_an_unknown_column_is_refused_naming_line_1() {
		Http.Reply reply = admin.send("POST", "/api/v1/admin/users/import",
				"login,displayName,roles,password2\nx1,y,OFFICE,z\n", "text/csv");
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("line 1: password2");
	}

	@Test
	void the_admin_screen_creates_disables_and_imports() {
		People.Session screen = people.admin().signIn();
		String login = People.newLogin();
		People.Page created = screen.post("/app/admin/users", Map.of("login", login, "displayName", "赵六", "roles", "OFFICE",
				"regionCode", hall().region(), "password", "Office-pass-2026"));
		assertThat(created.status()).as(created.toString()).isEqualTo(302);
		People.Page list = screen.get("/app/admin/users?login=" + login);
		assertThat(list.text()).contains(login).contains("已创建账号 " + login);
		long id = jdbc.sql("select id from sec_user where login = ?").param(login).query(Long.class).single();

		People.Page row = screen.htmx("POST", "/app/admin/users/" + id + "/disable", Map.of());
		assertThat(row.status()).isEqualTo(200);
		assertThat(row.text()).startsWith("<tr").contains("已停用").contains("/enable");
		assertThat(jdbc.sql("select enabled from sec_user where id = ?").param(id).query(Boolean.class).single()).isFalse();

		People.Page refused = screen.post("/app/admin/users", Map.of("login", People.newLogin(), "displayName", "钱七",
				"roles", "STAFF", "regionCode", hall().region(), "password", "short"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("staffNo").contains("password").contains("钱七");

		assertThat(screen.postWithoutCsrf("/app/admin/users/" + id + "/enable", Map.of()).status())
			.as("a signed-in form without its token").isEqualTo(403);
		String imported = People.newLogin();
		People.Page upload = screen.upload("/app/admin/users/import", Map.of(), "file", "people.csv", "text/csv",
				("login,displayName,roles,regionCode\n" + imported + ",孙八,ASSESSOR," + hall().region() + "\n")
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
		assertThat(upload.text()).contains(imported).contains("已导入 1 个账号");
		assertThat(jdbc.sql("select count(*) from sec_user where login = ?").param(imported).query(Long.class).single())
			.isEqualTo(1);

		People.Session office = people.office(hall().region()).signIn();
		assertThat(office.post("/app/admin/users/" + id + "/enable", Map.of()).status()).isEqualTo(403);
		assertThat(jdbc.sql("select enabled from sec_user where id = ?").param(id).query(Boolean.class).single()).isFalse();
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

}
