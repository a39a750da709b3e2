package org.hcp.evaluation;

/**
 * A completed case waits for its rating: its applicant is to get the SMS invitation. The mobile does not travel in
 * the event (events are stored as JSON until delivered): the listener looks it up by case id.
 *
 * @param text the invitation, saying how to reply
 */
public record RatingInvitationDue(long caseId, String caseNo, String text) {

	/** The same invitation is sent once, however often the event is delivered. */
	public String deliveryKey() {
		return "INVITATION:" + caseId;
	}
}
