package org.hcp.evaluation;

import org.hcp.privacy.Mobile;

/**
 * The port through which a rater proves a mobile number: a one-time code sent by SMS (ADR 0005, 0020). Implemented
 * where SMS can be sent (module doors); evaluation only asks whether a code is good. A code is good once.
 */
public interface OneTimeCodes {

	/** True when {@code code} is the current, unexpired, unused code sent to {@code mobile}; it is used up either way. */
	boolean consume(Mobile mobile, String code);
}
