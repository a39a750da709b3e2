package org.hcp.exchange;

import java.util.List;

import org.hcp.evaluation.Evaluations;
import org.hcp.rectification.RemoteOrders;
import org.hcp.rectification.RemoteStep;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.JsonNode;

/**
 * The intake of rectification records 整改记录 (work-order steps) from a lower platform that handles its own orders: each
 * is one step of the remote order of a rating it relayed (ADR 0033). A step sent again is a duplicate.
 */
@Service
class RectificationRecordIntake {

	private final Evaluations evaluations;
	private final RemoteOrders remoteOrders;
	private final PlatformTransactionManager transactions;

	RectificationRecordIntake(Evaluations evaluations, RemoteOrders remoteOrders,
			PlatformTransactionManager transactions) {
		this.evaluations = evaluations;
		this.remoteOrders = remoteOrders;
		this.transactions = transactions;
	}

	/** One result per record, in order; {@code peer} is the sending platform's app id. */
	List<RecordResult> intake(List<JsonNode> nodes, String peer) {
		return RemoteRecords.each(nodes, transactions, node -> {
			Fields f = new Fields(node);
			long rating = RemoteRecords.rating(f, evaluations);
			RemoteStep step = RemoteStep.of(rating, peer, f.required("orderNo", 32),
					RemoteRecords.positiveLong(f, "stepNo"), f.text("state"), f.required("action", 40),
					f.time("stepTime"), f.optional("deptCode", 18), f.optional("opinion", 2000),
					RemoteRecords.date(f, "plannedBy"), f.optional("revisitResult", 24));
			return remoteOrders.apply(step) ? RecordResult.accepted(node) : RemoteRecords.duplicate(node);
		});
	}
}
