package org.hcp.appeal;

import java.time.Duration;

import org.hcp.calendar.WorkingDays;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The numbers of the appeal rules (domain §8), each a default an administrator may change.
 *
 * @param fileWithin working days after the order was received within which it may be appealed (3)
 * @param decideWithin working days after filing within which the office decides (3)
 * @param maxAttachments evidence files per appeal (5)
 * @param maxAttachmentSize size of one evidence file (1 MB); at most {@code spring.servlet.multipart.max-file-size}
 *        (Spring's default 1 MB), which refuses a larger upload first with 413
 * @param checkEvery how often the job {@code appeal-deadlines} looks for overdue appeals
 */
@ConfigurationProperties("hcp.appeal")
record AppealProperties(@DefaultValue("3") int fileWithin, @DefaultValue("3") int decideWithin,
		@DefaultValue("5") int maxAttachments, @DefaultValue("1MB") DataSize maxAttachmentSize,
		@DefaultValue("10m") Duration checkEvery) {

	FilingWindow filingWindow() {
		return new FilingWindow(WorkingDays.of(fileWithin));
	}

	DecisionDeadline decisionDeadline() {
		return new DecisionDeadline(WorkingDays.of(decideWithin));
	}

	/** The size limit as people read it: "1 MB", "512 KB". */
	String maxAttachmentSizeText() {
		long bytes = maxAttachmentSize.toBytes();
		return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
	}

	EvidenceRules evidenceRules() {
		return new EvidenceRules(maxAttachments, maxAttachmentSize.toBytes());
	}
}
