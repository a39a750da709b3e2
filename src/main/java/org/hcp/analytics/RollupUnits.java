package org.hcp.analytics;

/**
 * The units one fact counts for, as a SQL lateral join (ADR 0026): its region and every region above it (the code's
 * prefixes of 2, 4, 6 and 9 digits padded to 12 — each once), its institution, department, window, staff member and
 * item. Expanding the regions when writing lets a region's figures be read by its exact key, never by a prefix scan.
 */
final class RollupUnits {

	private RollupUnits() {
	}

	/**
	 * {@code cross join lateral (…) u(dim, key)} over the given column expressions, keeping only {@code dims} (e.g.
	 * {@code "'R','D'"}) and units whose key is not null.
	 */
	static String lateral(String region, String institution, String department, String window, String staff,
			String item, String dims) {
		return """
				cross join lateral (select distinct v.dim, v.key from (values
				    ('R', rpad(substr(%1$s, 1, 2), 12, '0')), ('R', rpad(substr(%1$s, 1, 4), 12, '0')),
				    ('R', rpad(substr(%1$s, 1, 6), 12, '0')), ('R', rpad(substr(%1$s, 1, 9), 12, '0')),
				    ('R', (%1$s)::text), ('N', (%2$s)::text), ('D', (%3$s)::text), ('W', (%4$s)::text),
				    ('S', (%5$s)::text), ('I', (%6$s)::text)) v(dim, key)
				  where v.key is not null and v.dim in (%7$s)) u
				""".formatted(region, institution, department, window, staff, item, dims);
	}

	static final String ALL = "'R','N','D','W','S','I'";
}
