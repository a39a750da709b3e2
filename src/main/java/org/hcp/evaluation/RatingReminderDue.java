package org.hcp.evaluation;

/**
 * A completed case is still unrated a working day later (domain §6.4): its applicant is to get the reminder SMS.
 * The mobile is looked up by case id, not carried.
 *
 * @param text the reminder, saying how to reply and that a default follows
 */
public record RatingReminderDue(long caseId, String caseNo, String text) {

	public String deliveryKey() {
		return "REMINDER:" + caseId;
	}
}
