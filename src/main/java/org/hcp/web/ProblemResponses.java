package org.hcp.web;

import java.util.List;

import org.hcp.shared.Bilingual;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.hcp.shared.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;

/** Turns every failure into the one problem+json shape; a client's mistake is never a 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemResponses {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	@ExceptionHandler(HcpException.class)
	ResponseEntity<ProblemDetail> domain(HcpException e) {
		return respond(Problems.toDetail(e));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		String field = fieldOf(e);
		return respond(HttpStatus.BAD_REQUEST, "MALFORMED_BODY",
				Bilingual.of("请求体不是有效的JSON，或字段类型不正确", "The body is not valid JSON or a field has the wrong type"),
				field == null ? List.of()
						: List.of(FieldProblem.of(field, "字段类型或格式不正确", "wrong type or format")));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
		return respond(HttpStatus.BAD_REQUEST, "REQUIRED",
				Bilingual.of("缺少参数 " + e.getParameterName(), "Parameter " + e.getParameterName() + " is required"),
				List.of(FieldProblem.of(e.getParameterName(), "不能为空", "is required")));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
		return respond(HttpStatus.BAD_REQUEST, "REQUIRED",
				Bilingual.of("缺少请求头 " + e.getHeaderName(), "Header " + e.getHeaderName() + " is required"),
				List.of(FieldProblem.of(e.getHeaderName(), "不能为空", "is required")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		return respond(HttpStatus.BAD_REQUEST, "BAD_PARAMETER",
				Bilingual.of("参数 " + e.getName() + " 格式不正确", "Parameter " + e.getName() + " has the wrong format"),
				List.of(FieldProblem.of(e.getName(), "格式不正确", "wrong format")));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
		return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
				Bilingual.of("不支持的内容类型 " + e.getContentType(), "Content type " + e.getContentType() + " is not supported"),
				List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
		return respond(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
				Bilingual.of("不支持的请求方法 " + e.getMethod(), "Method " + e.getMethod() + " is not allowed here"), List.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
		return respond(HttpStatus.NOT_FOUND, "NOT_FOUND", Bilingual.of("资源不存在", "No such resource"), List.of());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
		return respond(HttpStatus.FORBIDDEN, "FORBIDDEN", Bilingual.of("无权执行此操作", "Not allowed for this account"),
				List.of());
	}

	/**
	 * Refused by the database. A unique key hit by a concurrent request gets the answer a sequential request would
	 * have had (409); a value the database cannot take (SQLSTATE class 22: too long, a NUL character …) is a 422.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
		String state = e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
		log.info("Refused by the database ({}): {}", state, e.getMostSpecificCause().getClass().getSimpleName());
		if (state != null && state.startsWith("22")) {
			return respond(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_VALUE",
					Bilingual.of("某个字段的值过长或含有不允许的字符，未保存", "A value is too long or holds a character that is not allowed; nothing was saved"),
					List.of());
		}
		return respond(HttpStatus.CONFLICT, "CONFLICT",
				Bilingual.of("与已有数据冲突，未保存", "Conflicts with stored data; nothing was saved"), List.of());
	}

	private static String fieldOf(HttpMessageNotReadableException e) {
		Throwable cause = e.getCause();
		while (cause != null && !(cause instanceof JacksonException)) {
			cause = cause.getCause();
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			StringBuilder path = new StringBuilder();
			for (JacksonException.Reference ref : jackson.getPath()) {
				if (ref.getPropertyName() != null) {
					path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
				}
				else if (ref.getIndex() >= 0) {
					path.append('[').append(ref.getIndex()).append(']');
				}
			}
			return path.isEmpty() ? null : path.toString();
		}
		return null;
	}

	private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, Bilingual text,
			List<FieldProblem> fields) {
		return respond(Problems.detail(status, code, text, fields));
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail detail) {
		return ResponseEntity.status(detail.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(detail);
	}
}
