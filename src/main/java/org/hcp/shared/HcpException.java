package org.hcp.shared;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A client-visible failure: the HTTP status, a stable machine code, a bilingual message and the fields at fault.
 * Thrown before anything is stored, or inside the transaction that it rolls back.
 */
public class HcpException extends RuntimeException {

	private final HttpStatus status;
	private final String code;
	private final Bilingual text;
	private final List<FieldProblem> fields;

	public HcpException(HttpStatus status, String code, Bilingual text, List<FieldProblem> fields) {
		super(code + ": " + text.en());
		this.status = status;
		this.code = code;
		this.text = text;
		this.fields = List.copyOf(fields);
	}

	/** 422: a field that is well-formed but breaks a rule, or is missing or malformed. */
	public static HcpException invalid(String field, String code, String zh, String en) {
		return new HcpException(HttpStatus.UNPROCESSABLE_CONTENT, code, Bilingual.of(zh, en),
				List.of(FieldProblem.of(field, zh, en)));
	}

	public static HcpException invalid(String code, List<FieldProblem> fields) {
		return new HcpException(HttpStatus.UNPROCESSABLE_CONTENT, code,
				Bilingual.of("请求内容不符合规则", "The request breaks one or more rules"), fields);
	}

	public static HcpException badRequest(String field, String code, String zh, String en) {
		return new HcpException(HttpStatus.BAD_REQUEST, code, Bilingual.of(zh, en),
				List.of(FieldProblem.of(field, zh, en)));
	}

	public static HcpException notFound(String field, String code, String zh, String en) {
		return new HcpException(HttpStatus.NOT_FOUND, code, Bilingual.of(zh, en),
				field == null ? List.of() : List.of(FieldProblem.of(field, zh, en)));
	}

	public static HcpException conflict(String field, String code, String zh, String en) {
		return new HcpException(HttpStatus.CONFLICT, code, Bilingual.of(zh, en),
				field == null ? List.of() : List.of(FieldProblem.of(field, zh, en)));
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public Bilingual text() {
		return text;
	}

	public List<FieldProblem> fields() {
		return fields;
	}
}
