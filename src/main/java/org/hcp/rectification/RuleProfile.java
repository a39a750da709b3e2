package org.hcp.rectification;

/** A named set of deadlines 时限规则 that a region uses (or inherits from its parent). */
record RuleProfile(String code, String name, VerificationDeadline verify, RectificationDeadline rectify,
		RevisitDeadline revisit) {
}
