package org.hcp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.hcp.support.Http;
import org.hcp.support.OwnerDatabase;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Ratings are sealed into a hash chain; verification finds the first altered rating or broken block. */
class IntegrityIT extends ServiceFixtures {

	@Autowired
	private Environment env;

	/** The application's own connection may not alter the rating tables; only the owner can. */
	private JdbcClient owner() {
		return OwnerDatabase.jdbc(env);
	}

	private long ratedAndSealed() {
		var c = aCase().completedAfter(5);
		c.create();
		assertThat(rate(rating(c.caseNo(), 2, "comment", "等候时间太长")).status()).isEqualTo(201);
		assertThat(admin.post("/api/v1/admin/jobs/seal-ratings/run", null).status()).isEqualTo(200);
		return jdbc.sql("select id from evl_evaluation where case_no = :c").param("c", c.caseNo()).query(Long.class).single();
	}

	private JsonNode verify() {
		Http.Reply reply = admin.get("/api/v1/admin/integrity/verify");
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

	/** Changes a stored row behind the application's back, as an attacker with database access could. */
	private void tamper(String sql, long id) {
		JdbcClient owner = owner();
		owner.sql("alter table evl_evaluation disable trigger evl_evaluation_append_only").update();
		try {
			owner.sql(sql).param("id", id).update();
		}
		finally {
			owner.sql("alter table evl_evaluation enable trigger evl_evaluation_append_only").update();
		}
	}

	@Test
	void new_ratings_are_sealed_and_the_head_digest_is_published() {
		String before = anonymous.get("/api/public/integrity/head").json().path("digest").asString("");
		ratedAndSealed();
		JsonNode head = anonymous.get("/api/public/integrity/head").json();
		assertThat(head.path("digest").asString()).hasSize(64).isNotEqualTo(before);
		JsonNode report = verify();
		assertThat(report.path("unsealedRatings").asLong()).isZero();
		assertThat(report.path("head").path("digest").asString()).isEqualTo(head.path("digest").asString());
	}

	@Test
	void hash_chain_verification_detects_an_altered_row() {
		long id = ratedAndSealed();
		assertThat(verify().path("intact").asBoolean()).isTrue();
		tamper("update evl_evaluation set level = 5, comment = null where id = :id", id);
		try {
			JsonNode report = verify();
			assertThat(report.path("intact").asBoolean()).isFalse();
			assertThat(report.path("firstAlteredRating").path("id").asLong()).isEqualTo(id);
			assertThat(report.path("firstBrokenBlock").isMissingNode()).isFalse();
		}
		finally {
			tamper("update evl_evaluation set level = 2, comment = '等候时间太长' where id = :id", id);
		}
		assertThat(verify().path("intact").asBoolean()).as("restoring the row restores the chain").isTrue();
	}

	@Test
	void flipping_the_is_default_flag_alone_is_detected_although_it_is_derived_from_the_source() {
		long id = ratedAndSealed();
		tamper("update evl_evaluation set is_default = true where id = :id", id);
		try {
			JsonNode report = verify();
			assertThat(report.path("intact").asBoolean()).isFalse();
			assertThat(report.path("firstAlteredRating").path("id").asLong()).isEqualTo(id);
		}
		finally {
			tamper("update evl_evaluation set is_default = false where id = :id", id);
		}
		assertThat(verify().path("intact").asBoolean()).isTrue();
	}

	@Test
	void changing_the_stored_submitter_is_detected() {
		long id = ratedAndSealed();
		tamper("update evl_evaluation set submitted_by = submitted_by + 1 where id = :id", id);
		try {
			assertThat(verify().path("firstAlteredRating").path("id").asLong()).isEqualTo(id);
		}
		finally {
			tamper("update evl_evaluation set submitted_by = submitted_by - 1 where id = :id", id);
		}
		assertThat(verify().path("intact").asBoolean()).isTrue();
	}

	@Test
	void a_row_altered_together_with_its_stored_hash_still_breaks_its_block() {
		long id = ratedAndSealed();
		byte[] original = jdbc.sql("select content_hash from evl_evaluation where id = :id").param("id", id)
			.query(byte[].class).single();
		tamper("update evl_evaluation set level = 5, comment = null where id = :id", id);
		var altered = jdbc.sql("select id, " + EvaluationStore.COLUMNS + " from evl_evaluation where id = :id")
			.param("id", id).query((rs, i) -> EvaluationStore.read(rs)).single();
		JdbcClient owner = owner();
		owner.sql("alter table evl_evaluation disable trigger evl_evaluation_append_only").update();
		try {
			owner.sql("update evl_evaluation set content_hash = :h where id = :id").param("h", ContentHash.of(altered.record()))
				.param("id", id).update();
			JsonNode report = verify();
			assertThat(report.path("intact").asBoolean()).isFalse();
			assertThat(report.path("firstAlteredRating").isMissingNode()).as("the row matches its new hash").isTrue();
			long block = jdbc.sql("select block_no from evl_seal_link where evaluation_id = :id").param("id", id)
				.query(Long.class).single();
			assertThat(report.path("firstBrokenBlock").path("id").asLong()).isEqualTo(block);
		}
		finally {
			owner.sql("update evl_evaluation set level = 2, comment = '等候时间太长', content_hash = :h where id = :id")
				.param("h", original).param("id", id).update();
			owner.sql("alter table evl_evaluation enable trigger evl_evaluation_append_only").update();
		}
		assertThat(verify().path("intact").asBoolean()).isTrue();
	}

	@Test
	void the_seal_tables_cannot_be_truncated_or_changed() {
		ratedAndSealed();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> owner().sql("truncate evl_seal_link").update())
			.hasMessageContaining("append-only");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> owner().sql("delete from evl_seal_block").update())
			.hasMessageContaining("append-only");
	}

	@Test
	void verification_is_for_admins_only() {
		assertThat(anonymous.get("/api/v1/admin/integrity/verify").status()).isEqualTo(401);
	}
}
