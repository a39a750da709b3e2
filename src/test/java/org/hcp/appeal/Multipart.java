package org.hcp.appeal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body as a browser or an API client sends it: text fields and files. */
final class Multipart {

	private final String boundary = "----hcp-test-" + Long.toString(System.nanoTime(), 36);
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	Multipart field(String name, String value) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
		return this;
	}

	Multipart file(String name, String fileName, String contentType, byte[] content) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		out.writeBytes(content);
		write("\r\n");
		return this;
	}

	byte[] body() {
		ByteArrayOutputStream done = new ByteArrayOutputStream();
		done.writeBytes(out.toByteArray());
		done.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return done.toByteArray();
	}

	String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	private void write(String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}
}
