package org.hcp.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of evidence file the platform takes — images and PDF — told by their first bytes (magic numbers), never by
 * the file name or the type the client declares.
 */
public enum FileType {

	PNG("image/png", "png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }),
	JPEG("image/jpeg", "jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
	PDF("application/pdf", "pdf", new byte[] { '%', 'P', 'D', 'F', '-' });

	private final String contentType;
	private final String extension;
	private final byte[] magic;

	FileType(String contentType, String extension, byte[] magic) {
		this.contentType = contentType;
		this.extension = extension;
		this.magic = magic;
	}

	/** What the content really is; empty when it is none of these. */
	public static Optional<FileType> of(byte[] content) {
		if (content == null) {
			return Optional.empty();
		}
		return Arrays.stream(values())
			.filter(t -> content.length >= t.magic.length
					&& Arrays.equals(content, 0, t.magic.length, t.magic, 0, t.magic.length))
			.findFirst();
	}

	public String contentType() {
		return contentType;
	}

	public String extension() {
		return extension;
	}
}
