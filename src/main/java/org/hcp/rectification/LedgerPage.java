package org.hcp.rectification;

import java.util.List;

/** A page of the ledger, with the number of all orders that match. */
public record LedgerPage(List<LedgerEntry> items, long total, int page, int size) {
}
