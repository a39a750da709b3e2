package org.hcp.evaluation;

import java.util.List;

import org.hcp.shared.HcpException;
import org.springframework.stereotype.Service;

/**
 * 评价器评价: right after a service the hall's evaluator shows the five buttons; its token names the case and the
 * service event, so the rating is attributed from the token whatever the device sends.
 */
@Service
class RatingByEvaluator {

	private final Evaluations evaluations;

	RatingByEvaluator(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	List<EvaluationView> rate(BindingToken token, BoundRating rating) {
		try {
			List<EvaluationView> stored = evaluations.rate(new RatingCommand(token.caseNo(), token.serviceNo(),
					Channel.HALL_EVALUATOR, rating.level(), rating.indicators(), rating.comment(), null, rating.rater(),
					false, Source.TOKEN), token.issuedBy());
			RatingAudit.accepted("EVALUATOR", token.caseNo(), token, rating.rater());
			return stored;
		}
		catch (HcpException e) {
			RatingAudit.refused("EVALUATOR", e.code(), token.caseNo(), token, rating.rater());
			throw e;
		}
	}
}
