package org.hcp.analytics;

import java.math.BigDecimal;

/**
 * One unit of a ranking. {@code rank} is null for a unit with too few counted ratings ("not enough data"); units with
 * the same score share a rank. Shares and scores are fractions 0…1 with 6 decimals; {@code expected} is the share its
 * item mix predicts (only when the ranking is adjusted).
 *
 * @param key the unit's code (region code, credit code, window code, staff number)
 * @param name the unit's name (for staff: the staff number again — never a person's name)
 * @param detail where the unit belongs: the hall of a window, the window of a staff member; may be null
 */
public record RankedUnit(Integer rank, String key, String name, String detail, long evaluations, long good,
		BigDecimal share, BigDecimal lowerBound, BigDecimal expected, BigDecimal score) {

	public boolean isRanked() {
		return rank != null;
	}
}
