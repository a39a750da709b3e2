package org.hcp.rectification;

/** What opened a work order. */
public enum WorkOrderSource {
	/** a stored rating of 1 or 2 stars, from any door (domain §7) */
	BAD_REVIEW,
	/** a 监督查评 finding marked as a problem (domain §9) */
	FINDING,
	/** a 综合点评 entry marked as a problem (domain §9) */
	COMMENT
}
