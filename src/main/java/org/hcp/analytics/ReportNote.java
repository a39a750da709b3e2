package org.hcp.analytics;

import java.time.Instant;

/**
 * The office's text of a report: the problems found 存在问题 and its requirements 工作要求, with who saved it when
 * ({@code writtenBy} null and both texts empty while nobody has written any).
 */
public record ReportNote(String problems, String requirements, String writtenBy, Instant writtenAt) {

	static final ReportNote NONE = new ReportNote("", "", null, null);
}
