package org.hcp.rectification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The first-check inbox oldest first. The ledger orders by deadline, then newest first; orders waiting for the first
 * check have no deadline yet, so among them the ledger is newest first, and the oldest-first page {@code p} is a
 * window at the other end of it — read from at most two of the ledger's pages and turned around.
 */
final class ScreenOldestFirst {

	private ScreenOldestFirst() {
	}

	static LedgerPage page(Function<LedgerQuery, LedgerPage> ledger, LedgerQuery query, int page, int size) {
		long total = ledger.apply(query.withPage(0, 1)).total();
		long end = total - (long) page * size;
		if (end <= 0) {
			return new LedgerPage(List.of(), total, page, size);
		}
		long start = Math.max(0, end - size);
		List<LedgerEntry> window = new ArrayList<>();
		for (long p = start / size; p <= (end - 1) / size; p++) {
			List<LedgerEntry> items = ledger.apply(query.withPage((int) p, size)).items();
			for (int i = 0; i < items.size(); i++) {
				long index = p * size + i;
				if (index >= start && index < end) {
					window.add(items.get(i));
				}
			}
		}
		Collections.reverse(window);
		return new LedgerPage(window, total, page, size);
	}
}
