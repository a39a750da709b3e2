package org.hcp.evaluation;

/** What one rating applies to. */
public enum RatingScope {
	/** one service of one case */
	SINGLE,
	/** every case of a batch 批量业务 (automatic when the case has a batch number) */
	BATCH,
	/** every item of a theme chain 主题式/一链办 (when the rater chooses the whole chain) */
	CHAIN
}
