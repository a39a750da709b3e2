package org.hcp.rectification;

import java.time.Instant;
import java.util.List;

/** One row of the ledger 台账: the order, its current holder, deadline, working days left and overdue flag. */
public record LedgerEntry(long id, String orderNo, WorkOrderSource source, WorkOrderState state, String regionCode,
		String departmentCode, String staffNo, String itemCode, Integer level, List<String> caseNos, String raterMobile,
		String holder, Instant openedAt, Instant deadline, String deadlineStep, Integer remainingWorkingDays,
		boolean overdue, boolean paused, boolean escalated, int timesOverdue, String lastAction, Instant lastActionAt,
		int version) {
}
