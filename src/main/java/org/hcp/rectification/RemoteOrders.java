package org.hcp.rectification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.hcp.evaluation.BadReviewReceived;
import org.hcp.evaluation.Evaluations;
import org.hcp.shared.HcpException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remote orders 下级平台工单 (ADR 0033): the work orders of bad ratings relayed by a registered lower platform, which
 * handles them itself. This platform follows them read-only: each rectification record the lower platform sends is one
 * step here, applied in step order, exactly once; its appeal decisions are recorded once per appeal number.
 */
@Service
public class RemoteOrders {

	private final WorkOrderRepository orders;
	private final OpeningWorkOrders opening;
	private final AuditTrail audit;
	private final Evaluations evaluations;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;
	private final Clock clock;

	RemoteOrders(WorkOrderRepository orders, OpeningWorkOrders opening, AuditTrail audit, Evaluations evaluations,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.orders = orders;
		this.opening = opening;
		this.audit = audit;
		this.evaluations = evaluations;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Applies one step of the lower platform's order of a relayed bad rating: the order of that rating (opened now, with
	 * the same key as the opening after the rating, when that has not happened yet) takes the step's state and facts, the
	 * audit names the lower platform, and {@link WorkOrderAdvanced} is published. False for a re-sent step (its number
	 * is not above the last one applied): nothing changes. Refused (400) for a rating that is no bad rating relayed by
	 * this platform.
	 */
	@Transactional
	public boolean apply(RemoteStep step) {
		long orderId = orders.orderOfEvaluation(step.evaluationId()).orElseGet(() -> open(step));
		WorkOrder o = orders.lock(orderId).orElseThrow();
		if (!step.peer().equals(o.remotePeer)) {
			throw notRelayedBy(step.peer());
		}
		if (!o.followRemote(step)) {
			return false;
		}
		if (!orders.saveRemote(o)) {
			throw WorkOrderConflict.stale(o.version);
		}
		for (WorkOrder.Step s : o.steps) {
			audit.appendRemote(o.remotePeer, o.id, step.stepTime(), s);
			events.publishEvent(new WorkOrderAdvanced(o.id, o.orderNo, s.action(), s.from(), s.to(), o.regionCode,
					o.departmentCode, o.staffNo, step.stepTime(), o.remotePeer));
		}
		o.steps.clear();
		return true;
	}

	/**
	 * Records an appeal decision 申诉复核结果 the lower platform took about a rating it relayed (MISTAKEN, MALICIOUS:
	 * upheld; REJECTED); false when this platform sent that appeal number before (a re-send). Excluding an upheld
	 * rating from the statistics is evaluation's, in the same transaction as this.
	 */
	@Transactional
	public boolean recordAppeal(long evaluationId, String peer, String orderNo, String appealNo, String outcome,
			String reason, Instant decidedAt) {
		if (!evaluations.relayedFrom(evaluationId).map(peer::equals).orElse(false)) {
			throw notRelayedBy(peer);
		}
		return jdbc.sql("""
				insert into rct_remote_appeal (peer, appeal_no, evaluation_id, order_no, outcome, reason, decided_at, received_at)
				values (:peer, :no, :e, :order, :outcome, :reason, :decided, :now) on conflict do nothing""")
			.param("peer", peer)
			.param("no", appealNo)
			.param("e", evaluationId)
			.param("order", orderNo)
			.param("outcome", outcome)
			.param("reason", reason)
			.param("decided", Timestamp.from(decidedAt))
			.param("now", Timestamp.from(clock.instant()))
			.update() == 1;
	}

	private long open(RemoteStep step) {
		return opening.open(relayedBy(step.evaluationId(), step.peer()));
	}

	/** The announcement of the rating, when it is a bad rating relayed by this platform; 400 otherwise. */
	private BadReviewReceived relayedBy(long evaluationId, String peer) {
		Optional<BadReviewReceived> bad = evaluations.badReview(evaluationId);
		if (bad.isEmpty() || !peer.equals(bad.get().relayedFrom())) {
			throw notRelayedBy(peer);
		}
		return bad.get();
	}

	private static HcpException notRelayedBy(String peer) {
		return HcpException.invalid("projectNo", "NOT_RELAYED", "该评价不是下级平台 " + peer + " 报送的差评，本平台不接收其整改或申诉记录",
				"This rating is no bad rating relayed by the lower platform " + peer
						+ "; its rectification and appeal records are not taken here");
	}
}
