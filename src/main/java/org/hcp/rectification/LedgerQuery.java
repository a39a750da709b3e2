package org.hcp.rectification;

import java.time.LocalDate;

/**
 * Filters of the ledger 台账 — each optional — and the page. {@code region} takes the region and everything below it;
 * the period is the day an order was opened, from and to inclusive (China dates). The caller's data scope applies on
 * top of these. {@code handledHere}: only orders handled here, no remote orders of lower platforms (the work queues).
 */
public record LedgerQuery(String region, String department, WorkOrderState state, LocalDate from, LocalDate to,
		Boolean overdue, int page, int size, boolean handledHere) {

	/** Every order, remote ones included (the ledger). */
	public LedgerQuery(String region, String department, WorkOrderState state, LocalDate from, LocalDate to,
			Boolean overdue, int page, int size) {
		this(region, department, state, from, to, overdue, page, size, false);
	}

	/** The same filters, without the remote orders that lower platforms handle (nobody here acts on them). */
	public LedgerQuery handledHereOnly() {
		return new LedgerQuery(region, department, state, from, to, overdue, page, size, true);
	}

	public static LedgerQuery all() {
		return new LedgerQuery(null, null, null, null, null, null, 0, 20);
	}

	public LedgerQuery withPage(int newPage, int newSize) {
		return new LedgerQuery(region, department, state, from, to, overdue, newPage, newSize, handledHere);
	}
}
