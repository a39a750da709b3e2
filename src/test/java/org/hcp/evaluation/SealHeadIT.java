package org.hcp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;

/** The public head is answered from the latest block (a running total), not by counting one row per rating. */
class SealHeadIT extends ServiceFixtures {

	private void rateAndSeal(int ratings) {
		for (int i = 0; i < ratings; i++) {
			var c = aCase().completedAfter(5);
			c.create();
			assertThat(rate(rating(c.caseNo(), 5)).status()).isEqualTo(201);
		}
		assertThat(admin.post("/api/v1/admin/jobs/seal-ratings/run", null).json().path("ran").asBoolean()).isTrue();
	}

	@Test
	void the_head_counts_every_sealed_rating_after_several_seals() {
		rateAndSeal(1);
		rateAndSeal(3);
		rateAndSeal(2);

		long sealed = jdbc.sql("select count(*) from evl_seal_link").query(Long.class).single();
		var head = anonymous.get("/api/public/integrity/head").json();
		assertThat(head.path("ratingsSealed").asLong()).isEqualTo(sealed).isPositive();
		assertThat(jdbc.sql("select ratings_total from evl_seal_block order by block_no desc limit 1").query(Long.class)
			.single()).isEqualTo(sealed);
	}

	@Test
	void each_block_carries_the_running_total_of_its_predecessors() {
		rateAndSeal(2);
		assertThat(jdbc.sql("""
				select count(*) from evl_seal_block b
				where b.ratings_total <> (select sum(p.ratings) from evl_seal_block p where p.block_no <= b.block_no)""")
			.query(Integer.class).single()).isZero();
	}
}
