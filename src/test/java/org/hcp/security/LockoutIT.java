package org.hcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hcp.support.Http;
import org.hcp.support.People;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Wrong passwords lock an account: 5 in a row, 15 minutes, on the sign-in page and with HTTP Basic alike. */
@ExtendWith(OutputCaptureExtension.class)
class LockoutIT extends ServiceFixtures {

	People people;

	@BeforeEach
	void people() {
		people = new People(port);
	}

	@Test
	void wrong_passwords_lock_the_account_after_5_tries(CapturedOutput output) {
		People.Person hotline = people.hotline(hall().region());
		People.Session session = new People.Session(base());
		for (int i = 1; i <= 4; i++) {
			People.Page wrong = session.signIn(hotline.login(), "wrong-password-" + i);
			assertThat(wrong.location()).as("try " + i).endsWith("/login?error=bad");
			assertThat(lockedUntilIsSet(hotline)).as("not locked after " + i + " tries").isFalse();
		}
		People.Page fifth = session.signIn(hotline.login(), "wrong-password-5");
		assertThat(fifth.location()).endsWith("/login?error=locked");
		assertThat(lockedUntilIsSet(hotline)).isTrue();
		assertThat(jdbc.sql("select extract(epoch from locked_until - now())::int from sec_user where id = ?")
			.param(hotline.id()).query(Integer.class).single()).as("about 15 minutes").isBetween(14 * 60, 15 * 60 + 5);
		assertThat(session.get("/login?error=locked").text()).contains("账号已锁定 15 分钟");
		assertThat(output.getOut()).contains("Sign-in refused for login '" + hotline.login() + "'")
			.contains("locked until").doesNotContain("wrong-password-");
	}

	@Test
	void a_locked_account_is_refused_even_with_the_right_password_until_the_lock_ends() {
		People.Person office = people.office(hall().region());
		Http.Reply last = null;
		for (int i = 1; i <= 5; i++) {
			last = new People.Api(base(), office.login(), "wrong-password-" + i).get("/api/v1/work-orders/none");
		}
		assertThat(last.status()).isEqualTo(401);
		assertThat(last.json().path("code").asString()).as("HTTP Basic counts too").isEqualTo("ACCOUNT_LOCKED");

		Http.Reply right = office.api().get("/api/v1/work-orders/none");
		assertThat(right.status()).isEqualTo(401);
		assertThat(right.json().path("code").asString()).isEqualTo("ACCOUNT_LOCKED");
		People.Page screen = new People.Session(base()).signIn(office.login(), office.password());
		assertThat(screen.location()).as("the sign-in page too").endsWith("/login?error=locked");

		jdbc.sql("update sec_user set locked_until = now() - interval '1 second' where id = ?").param(office.id()).update();
		assertThat(office.api().get("/api/v1/work-orders/none").status()).as("the lock has ended").isNotIn(401, 403);
		assertThat(office.signIn().get("/app").status()).isEqualTo(200);
		assertThat(jdbc.sql("select failed_attempts from sec_user where id = ?").param(office.id()).query(Integer.class)
			.single()).isZero();
	}

	@Test
	void a_right_password_clears_the_count_of_wrong_ones() {
		People.Person assessor = people.assessor(hall().region());
		for (int i = 1; i <= 4; i++) {
			new People.Api(base(), assessor.login(), "wrong-password-" + i).get("/api/v1/supervision/none");
		}
		assertThat(assessor.api().get("/api/v1/supervision/none").status()).isNotIn(401, 403);
		new People.Api(base(), assessor.login(), "wrong-password-5").get("/api/v1/supervision/none");
		assertThat(lockedUntilIsSet(assessor)).as("one wrong password after a right one").isFalse();
	}

	@Test
	void an_unknown_login_is_refused_like_a_wrong_password() {
		People.Page page = new People.Session(base()).signIn("nobody-" + People.newLogin(), "whatever-password");
		assertThat(page.location()).endsWith("/login?error=bad");
		Http.Reply api = new People.Api(base(), "nobody-" + People.newLogin(), "whatever-password").get("/api/v1/notices");
		assertThat(api.status()).isEqualTo(401);
		assertThat(api.json().path("code").asString()).isEqualTo("UNAUTHENTICATED");
		assertThat(new People.Session(base()).post("/login", Map.of()).status()).as("no CSRF token, no form").isIn(302, 403);
	}

	private boolean lockedUntilIsSet(People.Person person) {
		return jdbc.sql("select locked_until is not null and locked_until > now() from sec_user where id = ?")
			.param(person.id()).query(Boolean.class).single();
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}
}
