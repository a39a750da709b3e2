package org.hcp.rectification;

import org.hcp.shared.FileType;
import org.hcp.shared.HcpException;
import org.springframework.util.unit.DataSize;

/**
 * 整改佐证材料: evidence files are images (PNG, JPEG) or PDF, told by their first bytes — never by the name or the
 * declared type — and no larger than the configured size ({@code hcp.rectification.evidence-max-size}).
 */
record EvidenceRules(DataSize maxSize) {

	/** The content type the bytes really are; 422 when they are none of the allowed, too large or empty. */
	String check(byte[] content) {
		if (content == null || content.length == 0) {
			throw HcpException.invalid("file", "EMPTY_FILE", "文件为空", "The file is empty");
		}
		if (content.length > maxSize.toBytes()) {
			throw HcpException.invalid("file", "FILE_TOO_LARGE", "文件不能超过 " + maxSize.toMegabytes() + "MB",
					"The file is larger than " + maxSize.toMegabytes() + " MB");
		}
		return FileType.of(content).map(FileType::contentType).orElseThrow(() -> HcpException.invalid("file",
				"FILE_TYPE_NOT_ALLOWED", "只接受 PNG、JPEG 图片或 PDF 文件（按文件内容判断）",
				"Only PNG or JPEG images and PDF files are accepted (judged by the content)"));
	}

	/** A file name safe to store and to send back in a header: no path, no control or quoting characters. */
	static String safeName(String name) {
		String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "");
		String cleaned = base.replaceAll("[\\p{Cntrl}\"';<>|`*?:%\\\\]", "_").strip();
		if (cleaned.isEmpty()) {
			return "evidence";
		}
		return cleaned.length() > 200 ? cleaned.substring(cleaned.length() - 200) : cleaned;
	}
}
