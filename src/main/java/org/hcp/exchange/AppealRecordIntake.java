package org.hcp.exchange;

import java.time.Instant;
import java.util.List;

import org.hcp.evaluation.Evaluations;
import org.hcp.evaluation.ExclusionReason;
import org.hcp.rectification.RemoteOrders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.JsonNode;

/**
 * The intake of appeal decisions 申诉复核结果 from a lower platform about ratings it relayed: each is recorded once per
 * appeal number; an upheld one (MISTAKEN, MALICIOUS) excludes the rating from the statistics here too, the exclusion
 * naming the lower platform and its appeal number; a rejected one excludes nothing.
 */
@Service
class AppealRecordIntake {

	private final Evaluations evaluations;
	private final RemoteOrders remoteOrders;
	private final PlatformTransactionManager transactions;

	AppealRecordIntake(Evaluations evaluations, RemoteOrders remoteOrders, PlatformTransactionManager transactions) {
		this.evaluations = evaluations;
		this.remoteOrders = remoteOrders;
		this.transactions = transactions;
	}

	/** One result per record, in order; {@code peer} is the sending platform's app id. */
	List<RecordResult> intake(List<JsonNode> nodes, String peer) {
		return RemoteRecords.each(nodes, transactions, node -> {
			Fields f = new Fields(node);
			long rating = RemoteRecords.rating(f, evaluations);
			String orderNo = f.optional("orderNo", 32);
			String appealNo = f.required("appealNo", 64);
			String outcome = f.required("outcome", 10);
			if (!List.of("MISTAKEN", "MALICIOUS", "REJECTED").contains(outcome)) {
				throw org.hcp.shared.HcpException.invalid("outcome", "BAD_CODE",
						"outcome 取值应为 MISTAKEN、MALICIOUS 或 REJECTED", "outcome must be MISTAKEN, MALICIOUS or REJECTED");
			}
			String reason = f.required("reason", 1000);
			Instant decidedAt = f.time("decisionTime");
			if (!remoteOrders.recordAppeal(rating, peer, orderNo, appealNo, outcome, reason, decidedAt)) {
				return RemoteRecords.duplicate(node);
			}
			if (!outcome.equals("REJECTED")) {
				evaluations.exclude(List.of(rating), ExclusionReason.valueOf(outcome), appealNo, "下级平台 " + peer,
						decidedAt);
			}
			return RecordResult.accepted(node);
		});
	}
}
