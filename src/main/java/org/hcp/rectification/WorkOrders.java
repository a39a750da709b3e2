package org.hcp.rectification;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The façade of work orders 差评工单. Every method applies the caller's {@link org.hcp.security.RegionScope}.
 * (Methods that other modules call are listed first; their bodies arrive with the aggregate.)
 */
@Service
public class WorkOrders {

	/** The order, scope-checked: 404 when unknown, 403 outside the caller's scope. */
	public WorkOrderView find(long orderId) {
		throw new UnsupportedOperationException("work orders are being built");
	}

	/** The order opened for this rating, if any. */
	public Optional<WorkOrderView> forEvaluation(long evaluationId) {
		throw new UnsupportedOperationException("work orders are being built");
	}

	/** An appeal was filed: the deadlines stop running (domain §8). */
	public void pauseForAppeal(long orderId, long appealId, Instant at) {
		throw new UnsupportedOperationException("work orders are being built");
	}

	/** The appeal was rejected: the order resumes, its deadlines moved by the working days it was paused. */
	public void resumeAfterAppeal(long orderId, long appealId, Instant at) {
		throw new UnsupportedOperationException("work orders are being built");
	}

	/** The appeal was upheld: the order closes as CLOSED_BY_APPEAL. */
	public void closeByAppeal(long orderId, long appealId, Instant at) {
		throw new UnsupportedOperationException("work orders are being built");
	}

	/** A finding or comment marked as a problem opens an order on the same path; returns its id. */
	public long openForFinding(FindingReference finding) {
		throw new UnsupportedOperationException("work orders are being built");
	}
}
