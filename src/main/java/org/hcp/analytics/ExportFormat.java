package org.hcp.analytics;

import java.util.Locale;

import org.hcp.shared.HcpException;

/** The two files a report is rendered to. */
enum ExportFormat {
	PDF("REPORT_PDF", ExportFile.PDF), XLSX("REPORT_XLSX", ExportFile.XLSX);

	final String kind;
	final String contentType;

	ExportFormat(String kind, String contentType) {
		this.kind = kind;
		this.contentType = contentType;
	}

	static ExportFormat parse(String field, String text) {
		try {
			return valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw HcpException.badRequest(field, "FORMAT_INVALID", "格式应为 pdf 或 xlsx", "the format is pdf or xlsx");
		}
	}

	static ExportFormat ofKind(String kind) {
		return kind.equals(PDF.kind) ? PDF : XLSX;
	}

	String extension() {
		return name().toLowerCase(Locale.ROOT);
	}
}
