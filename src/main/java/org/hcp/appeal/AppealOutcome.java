package org.hcp.appeal;

import java.util.Optional;

import org.hcp.evaluation.ExclusionReason;

/** What the office decided (domain §8). */
public enum AppealOutcome {
	/** 误评: upheld; the rating is excluded from statistics */
	MISTAKEN,
	/** 恶意评价: upheld; the rating is excluded and the rater gets a credit-record entry */
	MALICIOUS,
	/** 驳回: rejected; the work order continues */
	REJECTED;

	public boolean upheld() {
		return this != REJECTED;
	}

	public AppealState state() {
		return upheld() ? AppealState.UPHELD : AppealState.REJECTED;
	}

	/** Why the rating leaves the statistics; empty for a rejection. */
	public Optional<ExclusionReason> exclusion() {
		return switch (this) {
			case MISTAKEN -> Optional.of(ExclusionReason.MISTAKEN);
			case MALICIOUS -> Optional.of(ExclusionReason.MALICIOUS);
			case REJECTED -> Optional.empty();
		};
	}
}
