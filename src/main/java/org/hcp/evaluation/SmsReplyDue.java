package org.hcp.evaluation;

import java.util.UUID;

/**
 * An inbound SMS reply is to be answered. The sender may have no case at all, so the mobile travels — encrypted with
 * the personal-data key ({@code PersonalData.encrypt}), never in plain text in the stored event.
 *
 * @param replyId one per answered reply, so that a re-delivered event answers once
 * @param encryptedMobile the sender's mobile, encrypted
 * @param caseNo the case the reply was about, if any
 */
public record SmsReplyDue(UUID replyId, byte[] encryptedMobile, String caseNo, String text) {

	public String deliveryKey() {
		return "REPLY:" + replyId;
	}
}
