package org.hcp.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit passes every contract case against our own instance, in both sign modes: the kit is registered
 * as a lower platform through the admin API, exactly as a vendor would be, and reads our key from /public-key.
 */
class ConformanceKitIT extends ServiceFixtures {

	@Test
	void our_own_endpoint_passes_every_contract_case_with_the_vendor_style_sign() {
		assertEveryCasePasses(SignMode.SM2_ENCRYPT);
	}

	@Test
	void our_own_endpoint_passes_every_contract_case_with_a_proper_sm2_signature() {
		assertEveryCasePasses(SignMode.SM2_SIGN);
	}

	@Test
	void the_kit_reports_a_failure_when_the_receiver_does_not_know_it() {
		Sm2.KeyPair keys = Sm2.generate();
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		List<ConformanceKit.Outcome> outcomes = ConformanceKit.run(target(unique("UNREG"), SignMode.SM2_ENCRYPT, keys),
				Clock.systemUTC(), new PrintStream(printed, true, StandardCharsets.UTF_8));
		assertThat(outcomes.get(0).passed()).isFalse();
		assertThat(outcomes.get(0).why()).contains("401");
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("FAIL valid push");
	}

	private void assertEveryCasePasses(SignMode mode) {
		Sm2.KeyPair keys = Sm2.generate();
		String appId = unique("KIT");
		Map<String, Object> peer = new LinkedHashMap<>();
		peer.put("appId", appId);
		peer.put("name", "一致性测试工具");
		peer.put("direction", "LOWER");
		peer.put("regionCode", county());
		peer.put("publicKey", keys.publicKey());
		peer.put("secret", "kit-secret-" + appId);
		peer.put("signMode", mode.name());
		peer.put("enabled", true);
		var registered = admin.post("/api/v1/admin/exchange/peers", peer);
		assertThat(registered.status()).as(registered.toString()).isIn(200, 201);

		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		List<ConformanceKit.Outcome> outcomes = ConformanceKit.run(target(appId, mode, keys), Clock.systemUTC(),
				new PrintStream(printed, true, StandardCharsets.UTF_8));
		String report = printed.toString(StandardCharsets.UTF_8);
		assertThat(outcomes).extracting(ConformanceKit.Outcome::name).containsExactly("valid push", "duplicate",
				"bad signature", "replay", "bad field", "batch with mixed results", "补报 re-send");
		assertThat(outcomes).as(report).allMatch(ConformanceKit.Outcome::passed);
		assertThat(report).doesNotContain(keys.privateKey()).doesNotContain("kit-secret-");
	}

	private ConformanceKit.Target target(String appId, SignMode mode, Sm2.KeyPair keys) {
		return new ConformanceKit.Target("http://127.0.0.1:" + port + "/api/exchange/v1/national", null, appId,
				"kit-secret-" + appId, mode, keys.privateKey(), "980101", "CONFDEPT01", "CONFTASK01");
	}
}
