package org.hcp.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal blocking HTTP/1.1 keep-alive client, one connection per load thread. The JDK client's asynchronous
 * machinery costs several thread hand-offs per request, which on a 2-core machine ate the CPU the server needed:
 * the benchmark should measure the server, not the load generator.
 */
final class PlainHttp implements AutoCloseable {

	private final String host;
	private final int port;
	private final String apiKey;
	private Socket socket;
	private OutputStream out;
	private InputStream in;

	PlainHttp(String host, int port, String apiKey) {
		this.host = host;
		this.port = port;
		this.apiKey = apiKey;
	}

	/** Posts JSON; returns the status line's code and the body. Reconnects when the server closed the connection. */
	Response post(String path, String json) throws IOException {
		return post(path, "application/json", json);
	}

	Response post(String path, String contentType, String content) throws IOException {
		byte[] body = content.getBytes(StandardCharsets.UTF_8);
		byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: " + contentType
				+ "\r\nX-Api-Key: " + apiKey + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		return exchange(head, body);
	}

	/** A GET with the API key (the framework floor: no body, no database). */
	Response get(String path) throws IOException {
		byte[] head = ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: application/json\r\n"
				+ "X-Api-Key: " + apiKey + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		return exchange(head, new byte[0]);
	}

	private Response exchange(byte[] head, byte[] body) throws IOException {
		for (int attempt = 0; ; attempt++) {
			try {
				connectIfNeeded();
				out.write(head);
				if (body.length > 0) {
					out.write(body);
				}
				out.flush();
				return read();
			}
			catch (IOException e) {
				close();
				if (attempt == 1) {
					throw e;
				}
			}
		}
	}

	private Response read() throws IOException {
		String status = line();
		if (status == null) {
			throw new IOException("connection closed");
		}
		int length = -1;
		boolean chunked = false;
		boolean closing = false;
		String header;
		while ((header = line()) != null && !header.isEmpty()) {
			String lower = header.toLowerCase();
			if (lower.startsWith("content-length:")) {
				length = Integer.parseInt(header.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				closing = true;
			}
		}
		byte[] body = chunked ? chunks() : in.readNBytes(Math.max(length, 0));
		if (closing) {
			close();
		}
		return new Response(Integer.parseInt(status.substring(9, 12)), new String(body, StandardCharsets.UTF_8));
	}

	private byte[] chunks() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			int size = Integer.parseInt(line().trim(), 16);
			if (size == 0) {
				line();
				return body.toByteArray();
			}
			body.write(in.readNBytes(size));
			line();
		}
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1) {
			if (c == '\n') {
				int end = line.length();
				return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
			}
			line.append((char) c);
		}
		return line.length() == 0 ? null : line.toString();
	}

	private void connectIfNeeded() throws IOException {
		if (socket == null) {
			socket = new Socket(host, port);
			socket.setTcpNoDelay(true);
			out = new java.io.BufferedOutputStream(socket.getOutputStream(), 65536);
			in = new BufferedInputStream(socket.getInputStream(), 65536);
		}
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
			socket = null;
		}
	}

	record Response(int status, String body) {
	}
}
