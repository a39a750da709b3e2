package org.hcp.evaluation;

import org.hcp.shared.Bilingual;

/** What became of one record of a bulk intake. */
public record IntakeOutcome(Status status, String code, Bilingual message, String field) {

	public enum Status {
		/** stored */
		ACCEPTED,
		/** that service was already rated; nothing changed */
		DUPLICATE,
		/** broke a rule; nothing stored */
		REJECTED
	}

	static IntakeOutcome accepted() {
		return new IntakeOutcome(Status.ACCEPTED, "OK", Bilingual.of("已接收", "accepted"), null);
	}

	static IntakeOutcome duplicate() {
		return new IntakeOutcome(Status.DUPLICATE, "DUPLICATE_RATING",
				Bilingual.of("该服务已评价，不能重复评价", "This service has already been rated"), "serviceNumber");
	}
}
