package org.hcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hcp.support.ApiTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Health tells anyone UP or DOWN; which database, disk path and calendar years it checked is for admins only. */
class HealthIT extends ApiTest {

	@Test
	void anonymous_callers_see_only_the_status_of_health() {
		JsonNode health = anonymous.get("/actuator/health").json();
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.has("components")).isFalse();
		assertThat(health.has("details")).isFalse();
		assertThat(anonymous.get("/actuator/health").text()).doesNotContain("knownYears").doesNotContain("path");
	}

	@Test
	void a_platform_key_sees_only_the_status_of_health_too() {
		String key = admin.post("/api/v1/admin/api-keys", Map.of("name", unique("health"), "role", "PLATFORM"))
			.json().path("key").asString();
		assertThat(anonymous.as(key).get("/actuator/health").json().has("components")).isFalse();
	}

	@Test
	void an_admin_key_sees_the_components_and_details_of_health() {
		JsonNode health = admin.get("/actuator/health").json();
		assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("calendar").path("details").has("knownYears")).isTrue();
	}

	@Test
	void liveness_and_readiness_stay_public() {
		var liveness = anonymous.get("/actuator/health/liveness");
		var readiness = anonymous.get("/actuator/health/readiness");
		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.json().path("status").asString()).isEqualTo("UP");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
	}
}
