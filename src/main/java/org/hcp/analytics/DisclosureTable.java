package org.hcp.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The public figures of a region and quarter (ADR 0029): the region itself, its child regions and the departments
 * registered at it — counts and rates only, never a person, a comment, a staff member or a window; every count from
 * 1 to {@code minimumCount} − 1 suppressed.
 */
public record DisclosureTable(String region, String regionName, String period, LocalDate from, LocalDate last,
		Instant asOf, int minimumCount, Row total, List<Row> regions, List<Row> departments) {

	/** What a row is about. */
	public enum Kind {
		REGION, DEPARTMENT
	}

	/** 整改情况: no valid bad reviews; all rectified (or found impossible to rectify); some still being rectified. */
	public enum Status {
		NONE, COMPLETE, IN_PROGRESS
	}

	public record Row(Kind kind, String code, String name, Count evaluations, Rate goodRate, Rate activeRate,
			Count validBad, Count replied, Count rectified, Rate rectifyRate, Status status) {
	}

	/** A count, or null with {@code suppressed} when it is too small to publish (the null is written out). */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Count(Long value, boolean suppressed) {
	}

	/** A rate 0…1 and its percentage, null when suppressed (small denominator) or when there is nothing to divide by. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Rate(BigDecimal value, String percent, boolean suppressed) {
	}
}
