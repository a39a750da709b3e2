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
			Channel channel = token.kind() == BindingToken.Kind.KIOSK ? Channel.KIOSK : Channel.HALL_EVALUATOR;
			List<EvaluationView> stored = evaluations.rate(new RatingCommand(token.caseNo(), token.serviceNo(),
					channel, rating.level(), rating.indicators(), rating.comment(), null, rating.rater(),
					false, Source.TOKEN), token.issuedBy());
			RatingAudit.accepted(token.kind().name(), token.caseNo(), token, rating.rater());
			return stored;
		}
		catch (HcpException e) {
			RatingAudit.refused(token.kind().name(), e.code(), token.caseNo(), token, rating.rater());
			throw e;
		}
	}
}
