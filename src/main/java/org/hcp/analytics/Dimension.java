package org.hcp.analytics;

/**
 * What a figure is about (domain §10). A region counts everything at its code and below (12-digit codes, prefix of
 * its level: 2 province, 4 city, 6 county, 9 township, 12 village); the others count their own code only. The
 * institution of a rating is the institution of its window.
 */
public enum Dimension {
	REGION("R"), INSTITUTION("N"), DEPARTMENT("D"), WINDOW("W"), STAFF("S"), ITEM("I");

	private final String code;

	Dimension(String code) {
		this.code = code;
	}

	/** The one-letter code used in the rollup tables' {@code dim} column. */
	public String code() {
		return code;
	}
}
