package org.hcp.rectification;

import java.time.Instant;

/**
 * How far a bad rating has come, for the rater who holds its progress link: the work order's number and stage once
 * it is opened ({@code orderNo} and {@code state} null while it is being registered), and its current deadline.
 * Nothing personal.
 */
public record RatingProgress(long evaluationId, String orderNo, WorkOrderState state, Instant deadline) {

	public boolean registered() {
		return orderNo != null;
	}
}
