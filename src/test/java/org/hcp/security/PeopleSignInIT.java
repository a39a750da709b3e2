package org.hcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** People sign in on the screens (form, session, CSRF) and on the API (HTTP Basic), with the same accounts. */
class PeopleSignInIT extends ServiceFixtures {

	People people;

	@BeforeEach
	void people() {
		people = new People(port);
	}

	@Test
	void basic_auth_works_on_the_api_for_people() {
		People.Person handler = people.department(hall().region(), hall().department());
		Http.Reply reply = handler.api().get("/api/v1/work-orders/none");
		assertThat(reply.status()).as("past security, to a 404 of no such order: " + reply).isNotIn(401, 403);
		Http.Reply wrong = new People.Api("http://127.0.0.1:" + port, handler.login(), "wrong-password-1").get(
				"/api/v1/work-orders/none");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().path("code").asString()).isEqualTo("UNAUTHENTICATED");
		assertThat(handler.api().get("/api/v1/admin/users").status()).as("a handler is no administrator").isEqualTo(403);
		assertThat(handler.api().get("/api/v1/cases/X").status()).as("a person is no platform").isEqualTo(403);
		assertThat(people.admin().api().get("/api/v1/admin/users").status()).isEqualTo(200);
	}

	@Test
	void form_login_needs_csrf() {
		People.Person office = people.office(hall().region());
		People.Session session = new People.Session("http://127.0.0.1:" + port);
		session.get("/login");
		People.Page refused = session.postWithoutCsrf("/login", Map.of("username", office.login(), "password",
				office.password()));
		assertThat(refused.status()).as(refused.toString()).isIn(302, 403);
		if (refused.status() == 302) {
			assertThat(refused.location()).contains("/login");
		}
		assertThat(session.get("/app").status()).as("not signed in").isEqualTo(302);
		assertThat(jdbc.sql("select failed_attempts from sec_user where id = ?").param(office.id()).query(Integer.class)
			.single()).as("the password was never even looked at").isZero();

		People.Page signedIn = session.signIn(office.login(), office.password());
		assertThat(signedIn.status()).isEqualTo(302);
		People.Page app = session.get("/app");
		assertThat(app.status()).isEqualTo(200);
		assertThat(app.text()).contains("测试人员").contains("政务服务管理办公室").contains("/app/orders/ledger")
			.doesNotContain("/app/admin/users");
	}

	@Test
	void a_signed_in_session_ends_at_sign_out() {
		People.Session session = people.hotline(hall().region()).signIn();
		assertThat(session.get("/app").status()).isEqualTo(200);
		People.Page out = session.signOut();
		assertThat(out.location()).contains("/login?logout");
		assertThat(session.get("/app").status()).isEqualTo(302);
	}

	@Test
	void a_person_cannot_reach_app_admin() {
		People.Session session = people.office(hall().region()).signIn();
		People.Page refused = session.get("/app/admin/users");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).as("a person's browser gets a page").startsWith("text/html");
		assertThat(refused.text()).contains("无权访问").as("the layout knows who is signed in").contains("/app/orders/ledger");
		assertThat(session.post("/app/admin/users", java.util.Map.of("login", "x")).status()).isEqualTo(403);
		People.Session admin = people.admin().signIn();
		assertThat(admin.get("/app/admin/users").status()).as("admins pass the URL rule").isNotIn(302, 403);
	}

	@Test
	void the_screens_send_the_anonymous_to_the_sign_in_page_and_keep_the_start_page_public() {
		People.Session session = new People.Session("http://127.0.0.1:" + port);
		People.Page app = session.get("/app/orders");
		assertThat(app.status()).isEqualTo(302);
		assertThat(app.location()).endsWith("/login");
		assertThat(session.get("/").status()).isEqualTo(200);
		People.Page login = session.get("/login");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.text()).contains("lang=\"zh-CN\"").contains("登录名").contains("name=\"_csrf\"");
		assertThat(session.get("/login?lang=en").text()).contains("lang=\"en\"").contains("Login name");
		assertThat(session.get("/login").text()).as("the language is remembered").contains("Login name");
	}
}
