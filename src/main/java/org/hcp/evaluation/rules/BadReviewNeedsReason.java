package org.hcp.evaluation.rules;

import java.util.List;
import java.util.Optional;

import org.hcp.shared.FieldProblem;
import org.hcp.shared.Level;

/** 差评须说明原因: a rating of 1 or 2 stars needs at least one indicator of its level, or a text (domain §4). Used by every door, SMS replies included. */
public final class BadReviewNeedsReason {

	private BadReviewNeedsReason() {
	}

	public static Optional<FieldProblem> check(Level level, List<String> indicators, String comment) {
		if (level.isBad() && indicators.isEmpty() && (comment == null || comment.isBlank())) {
			return Optional.of(FieldProblem.of("indicators", "差评请至少选择一项不满意的方面，或填写意见",
					"A bad rating needs at least one indicator of what was bad, or a text"));
		}
		return Optional.empty();
	}
}
