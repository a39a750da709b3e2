package org.hcp.supervision;

import java.util.List;

import org.hcp.shared.HcpException;

/** A page of a list: {@code page} counts from 0; {@code size} is 50 unless given, at most 500 (as the catalog's). */
record Paging(int page, int size) {

	static final int DEFAULT_SIZE = 50;
	static final int MAX_SIZE = 500;

	static Paging of(Integer page, Integer size) {
		if (page != null && (page < 0 || page > 1_000_000)) {
			throw HcpException.invalid("page", "BAD_PAGE", "page 应为0到1000000之间的整数（从0开始）",
					"page must be an integer from 0 to 1000000 (the first page is 0)");
		}
		if (size != null && (size < 1 || size > MAX_SIZE)) {
			throw HcpException.invalid("size", "BAD_PAGE_SIZE", "size 应为1到" + MAX_SIZE + "之间的整数",
					"size must be an integer from 1 to " + MAX_SIZE);
		}
		return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
	}

	long offset() {
		return (long) page * size;
	}

	/** One page of items and the total over all pages. */
	record Page<T>(List<T> items, int page, int size, long total) {
	}
}
