package org.hcp.evaluation;

/**
 * Which door a rating came in through. {@link #DEFAULT} is the one mark of a default rating 默认评价: its channel
 * ({@link Channel#DEFAULT}) and the stored is_default flag are derived from it, never set on their own.
 */
public enum Source {
	/** our rating API, from a channel system */
	API,
	/** the evaluator/QR flow with a binding token */
	TOKEN,
	/** our own rating page, the rater proven by an SMS code or the ID number registered with the case (portal, app, receipt) */
	PAGE,
	/** entered by a signed-in person on the rater's behalf: the 12345 operator, a paper form typed in */
	ENTRY,
	/** an SMS reply */
	SMS,
	/** the national-style exchange, from a lower platform */
	EXCHANGE,
	/** the default rule (domain §6.4): made by the system, never a rater's own */
	DEFAULT;

	public boolean isDefault() {
		return this == DEFAULT;
	}
}
