package org.hcp.appeal;

import java.util.List;

/**
 * An appeal against the bad review of a work order: the reason (required) and the evidence — a text and attachments
 * (images or PDF, recognised by their content, not by their name).
 */
public record NewAppeal(Long orderId, String reason, String evidenceText, List<Attachment> attachments) {

	public NewAppeal {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	/** One uploaded file as it arrived. */
	public record Attachment(String fileName, byte[] content) {
	}
}
