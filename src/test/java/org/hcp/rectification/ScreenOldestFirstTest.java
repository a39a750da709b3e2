package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The first-check inbox reads the ledger (newest first among orders without a deadline) and shows it oldest first. */
class ScreenOldestFirstTest {

	/** A ledger of orders 1..n without deadlines, newest first, paged as the façade pages it. */
	private static LedgerPage ledger(long n, LedgerQuery q) {
		List<LedgerEntry> all = LongStream.rangeClosed(1, n).map(i -> n + 1 - i).mapToObj(ScreenOldestFirstTest::entry).toList();
		int from = (int) Math.min(all.size(), (long) q.page() * q.size());
		int to = (int) Math.min(all.size(), (long) from + q.size());
		return new LedgerPage(all.subList(from, to), n, q.page(), q.size());
	}

	private static LedgerEntry entry(long id) {
		return new LedgerEntry(id, "GD" + id, WorkOrderSource.BAD_REVIEW, WorkOrderState.RECEIVED, "980101000000", "D",
				null, null, 1, List.of(), null, "HOTLINE", null, null, null, null, false, false, false, 0, null, null, 0);
	}

	private static List<Long> ids(long n, int page, int size) {
		return ScreenOldestFirst.page(q -> ledger(n, q), LedgerQuery.all(), page, size).items().stream()
			.map(LedgerEntry::id).toList();
	}

	@Test
	void the_first_page_starts_with_the_oldest_order() {
		assertThat(ids(7, 0, 3)).containsExactly(1L, 2L, 3L);
		assertThat(ids(7, 1, 3)).containsExactly(4L, 5L, 6L);
		assertThat(ids(7, 2, 3)).containsExactly(7L);
		assertThat(ids(7, 3, 3)).isEmpty();
	}

	@Test
	void every_order_is_on_exactly_one_page_whatever_the_sizes() {
		for (long n = 0; n <= 23; n++) {
			for (int size = 1; size <= 8; size++) {
				List<Long> seen = new java.util.ArrayList<>();
				for (int page = 0; page * size < n + size; page++) {
					seen.addAll(ids(n, page, size));
				}
				assertThat(seen).as("n=" + n + " size=" + size).containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
			}
		}
	}

	@Test
	void a_page_reads_at_most_two_pages_of_the_ledger_besides_the_count() {
		AtomicInteger reads = new AtomicInteger();
		ScreenOldestFirst.page(q -> {
			reads.incrementAndGet();
			return ledger(1000, q);
		}, LedgerQuery.all(), 7, 50);
		assertThat(reads.get()).isLessThanOrEqualTo(3);
		assertThat(ScreenOldestFirst.page(q -> ledger(1000, q), LedgerQuery.all(), 7, 50).total()).isEqualTo(1000);
	}
}
