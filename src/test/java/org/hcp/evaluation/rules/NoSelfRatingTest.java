package org.hcp.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hcp.catalog.StaffView;
import org.junit.jupiter.api.Test;

/** domain §6.5: a staff member must not rate their own service — rater mobile or ID equals the staff member's. */
class NoSelfRatingTest {

	static final StaffView STAFF = new StaffView("S1", "王*", "INST-1", "W1", "DEPT-1", new byte[] { 1 },
			new byte[] { 2 }, true);

	@Test
	void the_staff_members_own_mobile_or_id_is_a_self_rating() {
		assertThat(NoSelfRating.isSelfRating(STAFF, new byte[] { 1 }, null)).isTrue();
		assertThat(NoSelfRating.isSelfRating(STAFF, null, new byte[] { 2 })).isTrue();
		assertThatThrownBy(() -> NoSelfRating.check(STAFF, new byte[] { 1 }, null)).extracting("code")
			.isEqualTo("SELF_RATING");
	}

	@Test
	void another_rater_an_anonymous_rater_or_an_unknown_staff_member_is_not() {
		assertThat(NoSelfRating.isSelfRating(STAFF, new byte[] { 9 }, new byte[] { 9 })).isFalse();
		assertThat(NoSelfRating.isSelfRating(STAFF, null, null)).isFalse();
		assertThat(NoSelfRating.isSelfRating(null, new byte[] { 1 }, null)).isFalse();
	}
}
