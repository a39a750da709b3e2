package org.hcp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.hcp.security.Caller;
import org.hcp.security.Role;
import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.hcp.support.AsCaller;
import org.hcp.support.OwnerDatabase;
import org.hcp.support.ServiceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * An upheld appeal excludes a rating from statistics (domain §8, §10): the rating is kept, the exclusion is its own
 * append-only fact, and what counts is the view evl_counted. Also the staff member's own ratings, masked.
 */
class RatingExclusionIT extends ServiceFixtures {

	@Autowired
	Evaluations evaluations;

	@Autowired
	Environment env;

	private long badRating() {
		var c = aCase().completedAfter(5);
		c.create();
		assertThat(rate(rating(c.caseNo(), 1, "comment", "态度恶劣", "rater",
				java.util.Map.of("name", "赵六", "certNo", "110101199001011234", "mobile", "13900001111"))).status())
			.isEqualTo(201);
		return jdbc.sql("select id from evl_evaluation where case_no = :c").param("c", c.caseNo()).query(Long.class).single();
	}

	private long counted(long id) {
		return jdbc.sql("select count(*) from evl_counted where id = :id").param("id", id).query(Long.class).single();
	}

	@Test
	void an_excluded_rating_is_kept_but_no_longer_counted() {
		long id = badRating();
		RegionCode county = new RegionCode(hall().region());
		Instant from = Instant.now().minus(Duration.ofDays(2));
		Instant to = Instant.now().plus(Duration.ofDays(2));
		CountedRatings before = evaluations.counted(county, from, to);
		assertThat(counted(id)).isOne();

		assertThat(evaluations.exclude(List.of(id), ExclusionReason.MISTAKEN, "appeal-decision:test", Instant.now())).isOne();

		assertThat(jdbc.sql("select count(*) from evl_evaluation where id = :id").param("id", id).query(Long.class).single())
			.as("the rating is kept").isOne();
		assertThat(counted(id)).as("and no longer counted").isZero();
		assertThat(evaluations.isExcluded(id)).isTrue();
		CountedRatings after = evaluations.counted(county, from, to);
		assertThat(after.evaluations()).isEqualTo(before.evaluations() - 1);
		assertThat(after.bad()).isEqualTo(before.bad() - 1);
		assertThat(after.excluded()).isEqualTo(before.excluded() + 1);
	}

	@Test
	void a_rating_excluded_twice_keeps_its_first_exclusion() {
		long id = badRating();
		evaluations.exclude(List.of(id), ExclusionReason.MALICIOUS, "appeal-decision:first", Instant.now());
		assertThat(evaluations.exclude(List.of(id), ExclusionReason.MISTAKEN, "appeal-decision:second", Instant.now()))
			.isZero();
		assertThat(jdbc.sql("select reason || ' ' || decision_ref from evl_exclusion where evaluation_id = :id")
			.param("id", id).query(String.class).single()).isEqualTo("MALICIOUS appeal-decision:first");
	}

	@Test
	void an_exclusion_can_be_neither_changed_nor_deleted_even_by_the_owner() {
		long id = badRating();
		evaluations.exclude(List.of(id), ExclusionReason.MISTAKEN, "appeal-decision:x", Instant.now());
		for (var db : List.of(jdbc, OwnerDatabase.jdbc(env))) {
			assertThatThrownBy(() -> db.sql("delete from evl_exclusion where evaluation_id = :id").param("id", id).update())
				.isInstanceOf(Exception.class);
			assertThatThrownBy(() -> db.sql("update evl_exclusion set reason = 'MISTAKEN' where evaluation_id = :id")
				.param("id", id).update()).isInstanceOf(Exception.class);
		}
		assertThat(counted(id)).isZero();
	}

	@Test
	void excluding_an_unknown_rating_or_one_outside_the_scope_excludes_nothing() {
		long id = badRating();
		assertThatThrownBy(() -> evaluations.exclude(List.of(id, -1L), ExclusionReason.MISTAKEN, "x", Instant.now()))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.status().value()).isEqualTo(404));
		Caller elsewhere = Caller.person(1, "office-a", Set.of(Role.OFFICE), new RegionCode("980102000000"), null, null);
		assertThatThrownBy(() -> AsCaller.run(elsewhere,
				() -> evaluations.exclude(List.of(id), ExclusionReason.MISTAKEN, "x", Instant.now())))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.code()).isEqualTo("OUT_OF_SCOPE"));
		assertThat(counted(id)).isOne();
	}

	@Test
	void a_staff_member_sees_their_own_ratings_masked_with_the_excluded_ones_marked() {
		long excluded = badRating();
		long kept = badRating();
		evaluations.exclude(List.of(excluded), ExclusionReason.MISTAKEN, "appeal-decision:y", Instant.now());
		Caller staff = Caller.person(2, "staff", Set.of(Role.STAFF), new RegionCode(hall().region()), null,
				hall().staffNo());
		List<StaffRating> mine = AsCaller.run(staff, () -> evaluations.ofStaff(hall().staffNo(), false, 0, 50));
		assertThat(mine).extracting(r -> r.rating().id()).contains(kept, excluded);
		assertThat(mine).filteredOn(r -> r.rating().id() == excluded).singleElement()
			.satisfies(r -> assertThat(r.excluded()).isTrue());
		assertThat(mine).filteredOn(r -> r.rating().id() == kept).singleElement().satisfies(r -> {
			assertThat(r.excluded()).isFalse();
			assertThat(r.rating().raterName()).isEqualTo("赵*");
			assertThat(r.rating().raterMobile()).isEqualTo("139****1111");
			assertThat(r.rating().raterCertNo()).doesNotContain("19900101");
		});
		assertThat(mine).allSatisfy(r -> assertThat(r.rating().staffNo()).isEqualTo(hall().staffNo()));
	}

	@Test
	void a_staff_member_cannot_read_another_staff_members_ratings() {
		Caller staff = Caller.person(3, "other", Set.of(Role.STAFF), new RegionCode(hall().region()), null, "STF-OTHER");
		assertThatThrownBy(() -> AsCaller.run(staff, () -> evaluations.ofStaff(hall().staffNo(), false, 0, 50)))
			.isInstanceOfSatisfying(HcpException.class, e -> assertThat(e.code()).isEqualTo("OUT_OF_SCOPE"));
	}
}
