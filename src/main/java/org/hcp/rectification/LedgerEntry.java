package org.hcp.rectification;

import java.time.Instant;
import java.util.List;

/**
 * One row of the ledger 台账: the order, its current holder, deadline, working days left and overdue flag;
 * {@code remote} names the lower platform that handles a remote order (null for an order handled here).
 */
public record LedgerEntry(long id, String orderNo, WorkOrderSource source, WorkOrderState state, String regionCode,
		String departmentCode, String staffNo, String itemCode, Integer level, List<String> caseNos, String raterMobile,
		String holder, Instant openedAt, Instant deadline, String deadlineStep, Integer remainingWorkingDays,
		boolean overdue, boolean paused, boolean escalated, int timesOverdue, String lastAction, Instant lastActionAt,
		int version, RemoteHandling remote) {

	/** A row of an order handled here. */
	public LedgerEntry(long id, String orderNo, WorkOrderSource source, WorkOrderState state, String regionCode,
			String departmentCode, String staffNo, String itemCode, Integer level, List<String> caseNos,
			String raterMobile, String holder, Instant openedAt, Instant deadline, String deadlineStep,
			Integer remainingWorkingDays, boolean overdue, boolean paused, boolean escalated, int timesOverdue,
			String lastAction, Instant lastActionAt, int version) {
		this(id, orderNo, source, state, regionCode, departmentCode, staffNo, itemCode, level, caseNos, raterMobile,
				holder, openedAt, deadline, deadlineStep, remainingWorkingDays, overdue, paused, escalated, timesOverdue,
				lastAction, lastActionAt, version, null);
	}
}
