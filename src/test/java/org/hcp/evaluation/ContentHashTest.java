package org.hcp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * Rows stored before submitted_by existed must keep their hash, or the seal verification would call them altered.
 * The expected digests were computed by the ContentHash of the release before the column was added.
 */
class ContentHashTest {

	static final Instant T = Instant.parse("2026-10-12T02:00:00.123456Z");

	static EvaluationRecord rated(Long submittedBy) {
		return new EvaluationRecord(42L, "CASE-1", 1, 0, Channel.WEB_PORTAL, 2, "201,202", 3, "等候时间长", T, 1,
				RatingScope.SINGLE, null, null, null, "330106000000", "11330106MB0000002K", "ITEM-1", "STF-1", "W-1",
				new byte[] { 1 }, null, null, new byte[] { 2, 3 }, new byte[] { 4 }, Source.API, T.plusSeconds(1),
				submittedBy, null, null);
	}

	@Test
	void a_row_without_a_submitter_hashes_as_before_the_column_existed() {
		assertThat(HexFormat.of().formatHex(ContentHash.of(rated(null))))
			.isEqualTo("a44cc136dbb9ba35ffd922272aafdc4c93ef74a1ca3220a0965f18961a928216");
	}

	@Test
	void a_default_row_hashes_as_before_with_its_flag_derived_from_its_source() {
		EvaluationRecord d = new EvaluationRecord(43L, "CASE-2", 1, 0, Channel.DEFAULT, 4, null, null, null, T, 1,
				RatingScope.SINGLE, null, null, null, "330106000000", "11330106MB0000002K", "ITEM-1", "STF-1", "W-1",
				null, null, null, null, null, Source.DEFAULT, T.plusSeconds(1), null, null, null);
		assertThat(d.isDefault()).isTrue();
		assertThat(HexFormat.of().formatHex(ContentHash.of(d)))
			.isEqualTo("b190119fbdea386dd6bdb69f440951bfc36729fe5ec899255572d982bfb59c31");
	}

	@Test
	void the_submitter_is_part_of_the_hash_when_set() {
		assertThat(ContentHash.of(rated(7L))).isNotEqualTo(ContentHash.of(rated(null)))
			.isNotEqualTo(ContentHash.of(rated(8L)));
	}

	@Test
	void the_person_who_entered_it_and_their_reference_are_part_of_the_hash_when_set() {
		EvaluationRecord r = rated(null);
		byte[] plain = ContentHash.of(r);
		byte[] entered = ContentHash.of(entered(r, 5L, "CALL-1"));
		assertThat(entered).isNotEqualTo(plain)
			.isNotEqualTo(ContentHash.of(entered(r, 6L, "CALL-1")))
			.isNotEqualTo(ContentHash.of(entered(r, 5L, "CALL-2")))
			.isNotEqualTo(ContentHash.of(entered(r, 5L, null)));
	}

	private static EvaluationRecord entered(EvaluationRecord r, Long user, String reference) {
		return new EvaluationRecord(r.caseId(), r.caseNo(), r.serviceNo(), r.slot(), r.channel(), r.level(),
				r.indicators(), r.indicatorVersion(), r.comment(), r.assessedAt(), r.assessNumber(), r.scope(),
				r.groupId(), r.batchNo(), r.chainNo(), r.regionCode(), r.departmentCode(), r.itemCode(), r.staffNo(),
				r.windowCode(), r.raterNameEnc(), r.raterCertEnc(), r.raterCertHash(), r.raterMobileEnc(),
				r.raterMobileHash(), r.source(), r.receivedAt(), r.submittedBy(), user, reference);
	}
}
