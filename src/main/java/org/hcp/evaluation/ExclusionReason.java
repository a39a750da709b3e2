package org.hcp.evaluation;

/** Why an upheld appeal excluded a rating from statistics (domain §8). */
public enum ExclusionReason {
	/** 误评: the rater meant another level or another service */
	MISTAKEN,
	/** 恶意评价: a malicious rating; the rater goes into the credit file */
	MALICIOUS
}
