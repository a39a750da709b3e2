package org.hcp.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.hcp.evaluation.Evaluations;
import org.hcp.evaluation.ExchangeRating;
import org.hcp.evaluation.IntakeOutcome;
import org.hcp.shared.HcpException;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;

/** The intake of evaluation records 评价记录 from lower platforms: parsed here, rated by evaluation in one go. */
@Service
class EvaluationRecordIntake {

	private final Evaluations evaluations;

	EvaluationRecordIntake(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	/** Records relayed by a registered lower platform ({@code relayedFrom}, its app id) that handles its own orders. */
	List<RecordResult> intake(List<JsonNode> nodes, String relayedFrom) {
		return intake(nodes, r -> r.relayedBy(relayedFrom));
	}

	List<RecordResult> intake(List<JsonNode> nodes) {
		return intake(nodes, r -> r);
	}

	private List<RecordResult> intake(List<JsonNode> nodes, UnaryOperator<ExchangeRating> origin) {
		RecordResult[] results = new RecordResult[nodes.size()];
		List<ExchangeRating> parsed = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			try {
				parsed.add(origin.apply(EvaluationRecords.parse(nodes.get(i))));
				positions.add(i);
			}
			catch (HcpException e) {
				results[i] = RecordResult.refused(nodes.get(i), e);
			}
		}
		List<IntakeOutcome> outcomes = evaluations.intake(parsed);
		for (int k = 0; k < outcomes.size(); k++) {
			ExchangeRating r = parsed.get(k);
			IntakeOutcome o = outcomes.get(k);
			results[positions.get(k)] = RecordResult.of(r.projectNo(), Integer.toString(r.serviceNumber()),
					o.status().name().toLowerCase(), o.code(), o.message(), exchangeField(o.field()));
		}
		return List.of(results);
	}

	/** The rating rules name our API's fields; a lower platform should read the exchange's own names. */
	private static String exchangeField(String field) {
		if (field == null) {
			return null;
		}
		return switch (field.replaceAll("\\[\\d+\\]$", "")) {
			case "indicators" -> "evalDetail";
			case "comment" -> "writingEvaluation";
			case "ratedAt" -> "assessTime";
			case "level" -> "satisfaction";
			case "caseNo" -> "projectNo";
			case "serviceNo" -> "serviceNumber";
			case "channel" -> "pf";
			case "rater" -> "certKey";
			default -> field;
		};
	}
}
