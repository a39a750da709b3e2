package org.hcp.web;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.hcp.shared.Bilingual;
import org.hcp.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The code and bilingual text of an error that is known only by its status: refused by Tomcat before the
 * application, by the security firewall, or sent to {@code /error}. One table, so every layer answers alike.
 */
final class StatusProblems {

	private record Text(String code, Bilingual text) {
	}

	private static final Map<Integer, Text> KNOWN = Map.ofEntries(
			entry(400, "BAD_REQUEST", "请求格式不正确（路径、参数或请求头）", "The request is malformed (path, parameters or headers)"),
			entry(401, "UNAUTHENTICATED", "需要有效的 X-Api-Key 请求头，或人员账号的 HTTP Basic 登录名和密码",
					"A valid X-Api-Key header is required, or a person's login and password by HTTP Basic"),
			entry(403, "FORBIDDEN", "本账号无权访问此资源", "This account may not access this resource"),
			entry(404, "NOT_FOUND", "资源不存在", "No such resource"),
			entry(405, "METHOD_NOT_ALLOWED", "此地址不支持该请求方法", "This method is not allowed here"),
			entry(406, "NOT_ACCEPTABLE", "无法按请求的格式（Accept）作答，本接口只返回 JSON",
					"Cannot answer in the format asked for (Accept); this API answers JSON"),
			entry(408, "REQUEST_TIMEOUT", "请求超时", "The request took too long"),
			entry(409, "CONFLICT", "与已有数据冲突，未保存", "Conflicts with stored data; nothing was saved"),
			entry(411, "LENGTH_REQUIRED", "缺少 Content-Length 请求头", "A Content-Length header is required"),
			entry(413, "PAYLOAD_TOO_LARGE", "请求体过大", "The request body is too large"),
			entry(414, "URI_TOO_LONG", "请求地址过长", "The request URI is too long"),
			entry(415, "UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型（Content-Type）", "The content type (Content-Type) is not supported"),
			entry(422, "INVALID_VALUE", "请求内容不符合规则，未保存", "The request breaks a rule; nothing was saved"),
			entry(429, "RATE_LIMITED", "请求过于频繁，请稍后再试", "Too many requests; try again later"),
			entry(431, "HEADERS_TOO_LARGE", "请求头过大", "The request headers are too large"),
			entry(503, "UNAVAILABLE", "服务暂不可用，请稍后再试", "The service is unavailable; try again later"),
			entry(505, "HTTP_VERSION_NOT_SUPPORTED", "不支持该 HTTP 版本", "This HTTP version is not supported"));

	private static final Text INTERNAL = new Text("INTERNAL_ERROR", Bilingual.of("服务器内部错误，已记录日志；请向管理员提供错误编号 errorId",
			"Internal error; it was logged. Give the errorId to the administrator"));

	private StatusProblems() {
	}

	/** The problem for a status; a 5xx gets an error id, which the caller logs together with the cause. */
	static ProblemDetail of(int status) {
		HttpStatus resolved = HttpStatus.resolve(status);
		if (resolved == null) {
			resolved = status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
		}
		Text text = KNOWN.getOrDefault(resolved.value(), resolved.is5xxServerError() ? INTERNAL : KNOWN.get(400));
		ProblemDetail detail = Problems.detail(resolved, text.code(), text.text(), List.of());
		if (resolved.is5xxServerError() && text == INTERNAL) {
			detail.setProperty("errorId", newErrorId());
		}
		return detail;
	}

	/** A short random id that a client can quote and an operator can find in the log. */
	static String newErrorId() {
		byte[] bytes = new byte[6];
		ThreadLocalRandom.current().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static Map.Entry<Integer, Text> entry(int status, String code, String zh, String en) {
		return Map.entry(status, new Text(code, Bilingual.of(zh, en)));
	}
}
