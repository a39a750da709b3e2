package org.hcp.cases;

import org.hcp.shared.HcpException;

/** What became of one reported service record: each record of an array is answered on its own. */
public record ReportOutcome(Kind kind, HcpException refusal) {

	public enum Kind {
		/** stored: a new case, or a new service event of a known one */
		ACCEPTED,
		/** that service event was already recorded; nothing changed */
		DUPLICATE,
		/** refused by a rule; {@link #refusal} says which; nothing stored */
		REFUSED
	}

	static final ReportOutcome ACCEPTED = new ReportOutcome(Kind.ACCEPTED, null);
	static final ReportOutcome DUPLICATE = new ReportOutcome(Kind.DUPLICATE, null);

	static ReportOutcome refused(HcpException refusal) {
		return new ReportOutcome(Kind.REFUSED, refusal);
	}
}
