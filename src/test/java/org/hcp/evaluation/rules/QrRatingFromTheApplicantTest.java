package org.hcp.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A QR rating must come from the applicant when the case knows the applicant's mobile or ID number. */
class QrRatingFromTheApplicantTest {

	static final byte[] MOBILE = { 1, 2 };
	static final byte[] CERT = { 3, 4 };
	static final byte[] OTHER = { 9 };

	@Test
	void a_rater_giving_the_applicants_mobile_or_id_is_the_applicant() {
		assertThat(QrRatingFromTheApplicant.allows(MOBILE, CERT, MOBILE, null)).isTrue();
		assertThat(QrRatingFromTheApplicant.allows(MOBILE, CERT, OTHER, CERT)).isTrue();
	}

	@Test
	void a_stranger_or_a_rater_giving_nothing_is_not() {
		assertThat(QrRatingFromTheApplicant.allows(MOBILE, CERT, OTHER, OTHER)).isFalse();
		assertThat(QrRatingFromTheApplicant.allows(MOBILE, null, null, null)).isFalse();
	}

	@Test
	void a_case_without_applicant_contact_data_cannot_be_checked_and_is_open() {
		assertThat(QrRatingFromTheApplicant.allows(null, null, null, null)).isTrue();
	}
}
