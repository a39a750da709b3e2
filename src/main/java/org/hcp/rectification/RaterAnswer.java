package org.hcp.rectification;

/** The rater's own answer on the status page after the reply (满意 / 基本满意 / 不满意): a fact of its own. */
public enum RaterAnswer {
	SATISFIED, BASICALLY_SATISFIED, NOT_SATISFIED
}
