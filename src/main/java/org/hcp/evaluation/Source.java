package org.hcp.evaluation;

/** Which door a rating came in through. */
public enum Source {
	/** our rating API, from a channel system */
	API,
	/** the evaluator/QR flow with a binding token */
	TOKEN,
	/** an SMS reply */
	SMS,
	/** the national-style exchange, from a lower platform */
	EXCHANGE,
	/** the default rule */
	DEFAULT
}
