package org.hcp.evaluation;

/**
 * Who put a rating into the system on the rater's behalf, stored with it: the API key of the channel system (or the
 * key that issued the token), the signed-in person who entered it (the 12345 operator, the staff member typing in a
 * paper form), and the reference they gave (call reference, form number).
 */
record Attribution(Long apiKey, Long person, String reference) {

	static final Attribution NONE = new Attribution(null, null, null);

	static Attribution byKey(Long apiKey) {
		return new Attribution(apiKey, null, null);
	}
}
