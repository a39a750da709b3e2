package org.hcp.analytics;

/** A finished export's file: its bytes, media type and the file name offered for download. */
public record ExportFile(byte[] bytes, String contentType, String fileName) {

	static final String PDF = "application/pdf";
	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
