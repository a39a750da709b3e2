package org.hcp.appeal;

import java.util.ArrayList;
import java.util.List;

import org.hcp.privacy.Sm3;
import org.hcp.shared.FileType;
import org.hcp.shared.HcpException;

/**
 * Evidence files of an appeal: at most {@code maxFiles}, none empty or larger than {@code maxBytes}, and each an image
 * (PNG, JPEG) or a PDF recognised by its first bytes (magic numbers) — never by its name or the type the client
 * claims. A file breaking a rule refuses the whole appeal, naming the file; nothing is stored.
 */
record EvidenceRules(int maxFiles, long maxBytes) {

	private static final int MAX_NAME = 200;

	/** A file that passed: its cleaned name, recognised type, content and SM3 digest. */
	record CheckedFile(String fileName, String contentType, byte[] content, byte[] digest) {
	}

	List<CheckedFile> check(List<NewAppeal.Attachment> attachments) {
		if (attachments.size() > maxFiles) {
			throw HcpException.invalid("attachments", "TOO_MANY_ATTACHMENTS", "证明材料最多 " + maxFiles + " 个文件",
					"At most " + maxFiles + " evidence files");
		}
		List<CheckedFile> checked = new ArrayList<>();
		for (int i = 0; i < attachments.size(); i++) {
			checked.add(check(i, attachments.get(i)));
		}
		return checked;
	}

	private CheckedFile check(int index, NewAppeal.Attachment file) {
		String field = "attachments[" + index + "]";
		byte[] content = file.content() == null ? new byte[0] : file.content();
		if (content.length == 0) {
			throw HcpException.invalid(field, "EMPTY_ATTACHMENT", "证明材料文件为空", "The evidence file is empty");
		}
		if (content.length > maxBytes) {
			throw HcpException.invalid(field, "ATTACHMENT_TOO_LARGE",
					"证明材料文件不能超过 " + maxBytes / 1024 + " KB", "An evidence file may not exceed " + maxBytes / 1024 + " KB");
		}
		FileType type = FileType.of(content).orElseThrow(() -> HcpException.invalid(field, "ATTACHMENT_TYPE",
				"证明材料只接受图片（PNG、JPEG）或 PDF 文件（按文件内容识别）",
				"Evidence must be an image (PNG, JPEG) or a PDF, recognised by its content"));
		return new CheckedFile(name(file.fileName(), index, type), type.contentType(), content, Sm3.digest(content));
	}

	/** The last segment of the name the client sent, without control characters, shortened; made up when empty. */
	static String name(String sent, int index, FileType type) {
		String name = sent == null ? "" : sent;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.codePoints()
			.filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
					&& Character.getType(c) != Character.SURROGATE && Character.getType(c) != Character.UNASSIGNED)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = "evidence-" + (index + 1) + "." + type.extension();
		}
		if (name.codePointCount(0, name.length()) > MAX_NAME) {
			name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME));
		}
		return name;
	}
}
