package org.hcp.evaluation;

/**
 * Counts of the ratings that count (domain §10) — stored ratings minus those an upheld appeal excluded — in a region
 * and period: all, good (≥ 3 stars), bad (≤ 2 stars), active (not default) and active good. {@code excluded} says how
 * many stored ratings of the same region and period were left out.
 */
public record CountedRatings(long evaluations, long good, long bad, long active, long activeGood, long excluded) {
}
