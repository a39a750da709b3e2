package org.hcp.shared;

/** One field of a request that broke a rule, and why. */
public record FieldProblem(String field, String zh, String en) {

	public static FieldProblem of(String field, String zh, String en) {
		return new FieldProblem(field, zh, en);
	}
}
