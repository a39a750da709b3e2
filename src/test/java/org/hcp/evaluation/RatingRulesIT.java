package org.hcp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.hcp.support.Http;
import org.hcp.support.OwnerDatabase;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;

/** The rating rules of domain.md §6, through the HTTP API on the real PostgreSQL. */
class RatingRulesIT extends ServiceFixtures {

	@Autowired
	private Environment env;

	@Test
	void a_rating_of_a_completed_case_is_stored_with_personal_data_masked() {
		var c = aCase().completedAfter(10);
		c.create();
		Http.Reply reply = rate(rating(c.caseNo(), 5, "indicators", List.of("501"), "rater",
				Map.of("name", "赵六", "mobile", "13900001111", "certNo", "110101199003074512")));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		JsonNode stored = reply.json().path("evaluations").get(0);
		assertThat(stored.path("level").asInt()).isEqualTo(5);
		assertThat(stored.path("raterMobile").asString()).isEqualTo("139****1111");
		assertThat(stored.path("raterName").asString()).isEqualTo("赵*");
		assertThat(reply.text()).doesNotContain("13900001111").doesNotContain("110101199003074512");
		byte[] mobileAtRest = jdbc.sql("select rater_mobile_enc from evl_evaluation where case_no = :c")
			.param("c", c.caseNo()).query(byte[].class).single();
		assertThat(new String(mobileAtRest, StandardCharsets.ISO_8859_1)).doesNotContain("13900001111");
		assertThat(admin.get("/api/v1/evaluations?caseNo=" + c.caseNo()).text()).contains("139****1111")
			.doesNotContain("13900001111");
	}

	@Test
	void a_rating_stores_the_api_key_that_submitted_it() {
		var c = aCase().completedAfter(10);
		c.create();
		assertThat(rate(rating(c.caseNo(), 5)).status()).isEqualTo(201);
		long bootstrapKey = jdbc.sql("select id from sec_api_key where name = 'bootstrap' order by id limit 1")
			.query(Long.class).single();
		assertThat(jdbc.sql("select submitted_by from evl_evaluation where case_no = :c").param("c", c.caseNo())
			.query(Long.class).single()).isEqualTo(bootstrapKey);
	}

	@Test
	void a_second_rating_of_the_same_service_is_refused_not_overwritten() {
		var c = aCase().completedAfter(10);
		c.create();
		assertThat(rate(rating(c.caseNo(), 5)).status()).isEqualTo(201);
		Http.Reply again = rate(rating(c.caseNo(), 1, "comment", "改成差评"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.json().path("code").asString()).isEqualTo("DUPLICATE_RATING");
		assertThat(again.json().path("message").path("zh").asString()).contains("已评价");
		assertThat(storedRatings(c.caseNo())).isEqualTo(1);
		assertThat(jdbc.sql("select level from evl_evaluation where case_no = :c").param("c", c.caseNo())
			.query(Integer.class).single()).isEqualTo(5);
	}

	@Test
	void an_on_the_spot_case_is_rated_only_after_completion() {
		var c = aCase();
		c.create();
		Http.Reply reply = rate(rating(c.caseNo(), 4));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().path("code").asString()).isEqualTo("NOT_COMPLETED");
		assertThat(storedRatings(c.caseNo())).isZero();
	}

	@Test
	void a_promised_case_may_be_rated_once_per_visit() {
		var c = aCase().promised().visit(0).visit(60);
		c.create();
		assertThat(rate(rating(c.caseNo(), 4, "serviceNo", 1)).status()).isEqualTo(201);
		assertThat(rate(rating(c.caseNo(), 3, "serviceNo", 2)).status()).isEqualTo(201);
		assertThat(rate(rating(c.caseNo(), 5, "serviceNo", 1)).status()).isEqualTo(409);
		assertThat(storedRatings(c.caseNo())).isEqualTo(2);
	}

	/** Completed cases filed together: as a batch or as a chain, by what {@code group} sets. */
	private List<String> completedTogether(UnaryOperator<CaseBuilder> group, int size) {
		List<String> caseNos = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			var c = group.apply(aCase()).completedAfter(5);
			c.create();
			caseNos.add(c.caseNo());
		}
		return caseNos;
	}

	@Test
	void a_batch_is_rated_once_for_every_case_of_the_batch() {
		String batch = unique("BATCH");
		List<String> cases = completedTogether(c -> c.batch(batch), 3);
		Http.Reply reply = rate(rating(cases.get(1), 4));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(reply.json().path("evaluations").size()).isEqualTo(3);
		for (String caseNo : cases) {
			assertThat(storedRatings(caseNo)).isEqualTo(1);
		}
		assertThat(jdbc.sql("select count(distinct group_id) from evl_evaluation where batch_no = :b and scope = 'BATCH'")
			.param("b", batch).query(Integer.class).single()).isEqualTo(1);
		assertThat(rate(rating(cases.get(2), 2, "comment", "再评一次")).status()).isEqualTo(409);
	}

	@Test
	void a_batch_number_reused_for_another_item_does_not_join_the_batch() {
		String batch = unique("BATCH");
		List<String> cases = completedTogether(c -> c.batch(batch), 2);
		var other = aCase().online().batch(batch).completedAfter(5);
		other.create();
		assertThat(rate(rating(cases.get(0), 5)).json().path("evaluations").size()).isEqualTo(2);
		assertThat(storedRatings(other.caseNo())).isZero();
	}

	@Test
	void a_key_limited_to_another_region_cannot_rate_or_read_a_case() {
		var c = aCase().completedAfter(5);
		c.create();
		String key = admin.post("/api/v1/admin/api-keys", Map.of("name", "外区渠道", "role", "PLATFORM", "regionCode",
				"980102")).json().path("key").asString();
		Http.Reply reply = admin.as(key).post("/api/v1/evaluations", rating(c.caseNo(), 5));
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.json().path("code").asString()).isEqualTo("OUT_OF_SCOPE");
		assertThat(admin.as(key).get("/api/v1/evaluations?caseNo=" + c.caseNo()).status()).isEqualTo(403);
		assertThat(admin.as(key).get("/api/v1/cases/" + c.caseNo()).status()).isEqualTo(403);
		assertThat(storedRatings(c.caseNo())).isZero();
	}

	@Test
	void a_chain_may_be_rated_as_a_whole_or_item_by_item() {
		String byItem = unique("CHAIN");
		List<String> items = completedTogether(c -> c.chain(byItem), 2);
		assertThat(rate(rating(items.get(0), 5)).status()).isEqualTo(201);
		assertThat(storedRatings(items.get(1))).as("rating one item leaves the others open").isZero();
		assertThat(rate(rating(items.get(1), 4)).status()).isEqualTo(201);

		String whole = unique("CHAIN");
		List<String> chain = completedTogether(c -> c.chain(whole), 2);
		Http.Reply reply = rate(rating(chain.get(0), 3, "wholeChain", true));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(reply.json().path("evaluations").findValuesAsString("scope")).containsOnly("CHAIN");
		assertThat(storedRatings(chain.get(0))).isEqualTo(1);
		assertThat(storedRatings(chain.get(1))).isEqualTo(1);
	}

	@Test
	void rating_the_whole_chain_when_one_item_is_rated_refuses_all_and_stores_nothing() {
		String id = unique("CHAIN");
		List<String> chain = completedTogether(c -> c.chain(id), 2);
		assertThat(rate(rating(chain.get(0), 5)).status()).isEqualTo(201);
		assertThat(rate(rating(chain.get(1), 4, "wholeChain", true)).status()).isEqualTo(409);
		assertThat(storedRatings(chain.get(1))).isZero();
	}

	@Test
	void a_bad_rating_needs_an_indicator_or_a_text() {
		var bare = aCase().completedAfter(5);
		bare.create();
		Http.Reply refused = rate(rating(bare.caseNo(), 2));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.errorFields()).containsExactly("indicators");
		assertThat(refused.json().path("errors").get(0).path("zh").asString()).contains("差评");
		assertThat(storedRatings(bare.caseNo())).isZero();
		assertThat(rate(rating(bare.caseNo(), 2, "comment", "材料要求反复变化")).status()).isEqualTo(201);

		var withIndicator = aCase().completedAfter(5);
		withIndicator.create();
		assertThat(rate(rating(withIndicator.caseNo(), 1, "indicators", List.of("101"))).status()).isEqualTo(201);
	}

	@Test
	void an_indicator_of_the_wrong_level_is_refused() {
		var c = aCase().completedAfter(5);
		c.create();
		Http.Reply reply = rate(rating(c.caseNo(), 2, "indicators", List.of("501")));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorFields()).containsExactly("indicators[0]");
		assertThat(reply.json().path("errors").get(0).path("en").asString()).contains("level 5");
		assertThat(storedRatings(c.caseNo())).isZero();
	}

	@Test
	void an_indicator_of_the_other_channel_family_or_not_in_the_catalog_is_refused() {
		var c = aCase().completedAfter(5);
		c.create();
		Http.Reply offlineCode = rate(rating(c.caseNo(), 2, "indicators", List.of("211")));
		assertThat(offlineCode.status()).as("a web-portal rating takes online indicators").isEqualTo(422);
		Http.Reply unknown = rate(rating(c.caseNo(), 2, "indicators", List.of("299")));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().path("errors").get(0).path("en").asString()).contains("not in the current catalog");
		assertThat(rate(rating(c.caseNo(), 2, "indicators", List.of("201", "202"))).status()).isEqualTo(201);
	}

	@Test
	void a_staff_member_rating_their_own_service_is_refused() {
		var byMobile = aCase().completedAfter(5);
		byMobile.create();
		Http.Reply reply = rate(rating(byMobile.caseNo(), 5, "rater", Map.of("mobile", hall().staffMobile())));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().path("code").asString()).isEqualTo("SELF_RATING");
		var byId = aCase().completedAfter(5);
		byId.create();
		assertThat(rate(rating(byId.caseNo(), 5, "rater", Map.of("certNo", hall().staffId()))).json().path("code")
			.asString()).isEqualTo("SELF_RATING");
		assertThat(storedRatings(byMobile.caseNo()) + storedRatings(byId.caseNo())).isZero();
	}

	@Test
	void evaluator_and_qr_ratings_are_refused_without_a_binding_token() {
		var c = aCase().completedAfter(5);
		c.create();
		Http.Reply reply = rate(rating(c.caseNo(), 5, "channel", "HALL_EVALUATOR"));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().path("code").asString()).isEqualTo("TOKEN_REQUIRED");
	}

	@Test
	void a_client_mistake_is_a_specific_4xx_never_a_500() {
		var c = aCase().completedAfter(5);
		c.create();
		assertThat(admin.send("POST", "/api/v1/evaluations", "{\"caseNo\": ", "application/json").status()).isEqualTo(400);
		Http.Reply badEnum = admin.send("POST", "/api/v1/evaluations",
				"{\"caseNo\":\"" + c.caseNo() + "\",\"channel\":\"FAX\",\"level\":5}", "application/json");
		assertThat(badEnum.status()).isEqualTo(400);
		assertThat(badEnum.errorFields()).containsExactly("channel");
		Http.Reply badLevel = rate(rating(c.caseNo(), 7));
		assertThat(badLevel.status()).isEqualTo(422);
		assertThat(badLevel.errorFields()).containsExactly("level");
		assertThat(rate(rating("NO-SUCH-CASE", 5)).errorFields()).containsExactly("caseNo");
		assertThat(rate(rating(c.caseNo(), 5, "rater", Map.of("mobile", "12345"))).errorFields())
			.containsExactly("rater.mobile");
		assertThat(anonymous.post("/api/v1/evaluations", rating(c.caseNo(), 5)).status()).isEqualTo(401);
		assertThat(storedRatings(c.caseNo())).isZero();
	}

	@Test
	void stored_ratings_cannot_be_updated_or_deleted_in_the_database() {
		var c = aCase().completedAfter(5);
		c.create();
		assertThat(rate(rating(c.caseNo(), 4)).status()).isEqualTo(201);
		// the application's own role may not even try (database.RuntimeRoleIT); the trigger refuses the owner too
		var owner = OwnerDatabase.jdbc(env);
		assertThatThrownBy(() -> owner.sql("update evl_evaluation set level = 1 where case_no = :c").param("c", c.caseNo())
			.update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> owner.sql("delete from evl_evaluation where case_no = :c").param("c", c.caseNo())
			.update()).hasMessageContaining("append-only");
		assertThat(storedRatings(c.caseNo())).isEqualTo(1);
	}
}
