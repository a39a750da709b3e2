package org.hcp.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket: the request target goes on the wire byte for byte. {@link java.net.URI} and
 * {@code HttpClient} normalise or refuse paths such as {@code %2e%2e}, {@code "} or {@code |}, which are exactly the
 * ones a hostile client sends.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** Sends one request on its own connection; headers are sent as given (a null value omits the header). */
	public static Response send(int port, String method, String target, Map<String, String> headers, byte[] body) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(15_000);
			StringBuilder head = new StringBuilder()
				.append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
				.append("Host: 127.0.0.1:").append(port).append("\r\n")
				.append("Connection: close\r\n");
			headers.forEach((name, value) -> {
				if (value != null) {
					head.append(name).append(": ").append(value).append("\r\n");
				}
			});
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
				if (body != null) {
					out.write(body);
				}
				out.flush();
			}
			catch (IOException refusedEarly) {
				// the server may answer and close before it has read the whole body; its answer still counts
			}
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException e) {
			throw new IllegalStateException(method + " " + target + ": " + e, e);
		}
	}

	public static Response get(int port, String target, String apiKey) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Api-Key", apiKey);
		return send(port, "GET", target, headers, null);
	}

	private static Response parse(byte[] raw) throws IOException {
		int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		if (end < 0) {
			throw new IOException("no complete response head in " + raw.length + " bytes");
		}
		String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
			}
		}
		byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunk(body);
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] chunked) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		InputStream in = new java.io.ByteArrayInputStream(chunked);
		while (true) {
			StringBuilder size = new StringBuilder();
			int c;
			while ((c = in.read()) != -1 && c != '\n') {
				if (c != '\r') {
					size.append((char) c);
				}
			}
			int semicolon = size.indexOf(";");
			String hex = (semicolon < 0 ? size.toString() : size.substring(0, semicolon)).trim();
			if (hex.isEmpty() || c == -1) {
				return out.toByteArray();
			}
			int length = Integer.parseInt(hex, 16);
			if (length == 0) {
				return out.toByteArray();
			}
			out.write(in.readNBytes(length));
			in.skip(2);
		}
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		outer: for (int i = 0; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** Status, headers (names in lower case) and the body as text. */
	public record Response(int status, Map<String, String> headers, String body) {

		public String contentType() {
			return headers.getOrDefault("content-type", "");
		}

		public boolean isProblem() {
			return contentType().startsWith("application/problem+json");
		}

		@Override
		public String toString() {
			return status + " " + contentType() + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
		}
	}
}
