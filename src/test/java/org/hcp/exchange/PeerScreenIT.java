package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hcp.support.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administrators' exchange screen: peers registered with a form, keys rotated, secrets and private keys unseen. */
class PeerScreenIT extends NationalFixtures {

	@org.springframework.beans.factory.annotation.Autowired
	OwnKeys keys;

	People people;

	@BeforeEach
	void people() {
		people = new People(port);
	}

	@Test
	void the_admin_screen_registers_a_peer_shows_refusals_and_never_the_secret() {
		county();
		People.Session screen = people.admin().signIn();
		String appId = unique("SCR");
		String secret = unique("screen-secret-");
		People.Page created = screen.post("/app/admin/exchange/peers", Map.of("appId", appId, "name", "某县平台",
				"direction", "LOWER", "regionCode", COUNTY, "publicKey", Sm2.generate().publicKey(), "secret", secret,
				"signMode", "SM2_SIGN", "enabled", "true"));
		assertThat(created.status()).as(created.toString()).isEqualTo(302);
		People.Page page = screen.get("/app/admin/exchange");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains(appId).contains("已登记对接平台 " + appId).doesNotContain(secret)
			.contains(ourPublicKey()).doesNotContain(keys.current().privateKey());

		People.Page refused = screen.post("/app/admin/exchange/peers", Map.of("appId", unique("SCR"), "name", "某县平台",
				"direction", "UPPER", "regionCode", COUNTY, "publicKey", "04abc", "secret", secret, "signMode", "SM2_SIGN"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("publicKey").contains("endpoint").doesNotContain(secret);

		People.Session office = people.office(COUNTY).signIn();
		assertThat(office.get("/app/admin/exchange").status()).isEqualTo(403);
	}

	@Test
	void the_admin_screen_rotates_our_keys() {
		People.Session screen = people.admin().signIn();
		String before = ourPublicKey();
		People.Page rotated = screen.post("/app/admin/exchange/keys/rotate", Map.of());
		assertThat(rotated.status()).isEqualTo(302);
		assertThat(ourPublicKey()).isNotEqualTo(before);
		assertThat(screen.get("/app/admin/exchange").text()).contains("重叠期内");
	}
}
