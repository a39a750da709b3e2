package org.hcp.supervision;

/**
 * How many completed cases a quarterly random revisit draws (domain §9, “随机抽取”): a share of the population,
 * rounded up, at least {@code min} and at most {@code max} — and never more cases than there are. The numbers are
 * {@code hcp.supervision.sample.*}.
 */
record SampleSize(int percent, int min, int max) {

	SampleSize {
		if (percent < 0 || percent > 100 || min < 0 || max < min) {
			throw new IllegalArgumentException(
					"hcp.supervision.sample needs 0 <= percent <= 100 and 0 <= min <= max, got " + this);
		}
	}

	int of(int population) {
		int share = (int) Math.ceil(population * percent / 100.0);
		return Math.min(population, Math.max(min, Math.min(max, share)));
	}
}
